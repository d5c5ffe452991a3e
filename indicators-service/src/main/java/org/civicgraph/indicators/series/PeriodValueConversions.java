package org.civicgraph.indicators.series;

import org.bson.Document;
import org.civicgraph.indicators.period.Period;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a period's value is stored: one flat document per period, its current figures beside the period as written,
 * with the revisions it replaced (if any) under {@code earlier}:
 * <pre>
 * { label: "2021 provisional", value: 447.1, lower95: ..., count: ..., denominator: ..., provisional: true,
 *   unavailableReason: ..., note: ..., publishedAt: ISODate(...), publishedBy: "...", earlier: [ { label: ..., value: ... } ] }
 * </pre>
 * Figures that are absent and flags that are false are left out. The period's type and days are not stored: they
 * are what the label reads as ({@link Period#parse}), worked out once per distinct label. Hand-written rather than
 * mapped by reflection because a profile or an import reads and writes millions of these: this is a small fraction
 * of the work, and of the stored size, of the nested period, current and earlier documents the mapping wrote, which
 * are still read.
 */
@Configuration(proxyBeanMethods = false)
class PeriodValueConversions {

    private static final int PERIODS_KEPT = 10_000;
    private static final Map<String, Period> PERIODS = new ConcurrentHashMap<>();

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new Writer(), new Reader()));
    }

    @WritingConverter
    static final class Writer implements Converter<PeriodValue, Document> {

        @Override
        public Document convert(PeriodValue source) {
            Document document = write(source.getCurrent());
            if (!source.getEarlier().isEmpty()) {
                List<Document> earlier = new ArrayList<>(source.getEarlier().size());
                source.getEarlier().forEach(reading -> earlier.add(write(reading)));
                document.put("earlier", earlier);
            }
            return document;
        }

        private static Document write(Reading reading) {
            Document document = new Document("label", reading.periodLabel());
            putIfPresent(document, "value", reading.value());
            putIfPresent(document, "lower95", reading.lower95());
            putIfPresent(document, "upper95", reading.upper95());
            putIfPresent(document, "lower998", reading.lower998());
            putIfPresent(document, "upper998", reading.upper998());
            putIfPresent(document, "count", reading.count());
            putIfPresent(document, "denominator", reading.denominator());
            if (reading.provisional()) {
                document.put("provisional", true);
            }
            putIfPresent(document, "unavailableReason", reading.unavailableReason());
            putIfPresent(document, "note", reading.note());
            putIfPresent(document, "publishedAt", reading.publishedAt() == null ? null : Date.from(reading.publishedAt()));
            putIfPresent(document, "publishedBy", reading.publishedBy());
            return document;
        }

        private static void putIfPresent(Document document, String key, Object value) {
            if (value != null) {
                document.put(key, value);
            }
        }
    }

    @ReadingConverter
    static final class Reader implements Converter<Document, PeriodValue> {

        @Override
        public PeriodValue convert(Document source) {
            boolean mapped = source.containsKey("current"); // written by the reflective mapping before this converter
            Reading current = read(mapped ? source.get("current", Document.class) : source);
            PeriodValue value = new PeriodValue(period(current.periodLabel()), current);
            List<?> earlier = source.getList("earlier", Object.class);
            if (earlier != null) {
                for (Object reading : earlier) {
                    value.getEarlier().add(read((Document) reading));
                }
            }
            return value;
        }

        private static Reading read(Document document) {
            String label = document.getString(document.containsKey("label") ? "label" : "periodLabel");
            Date publishedAt = document.getDate("publishedAt");
            return new Reading(label, number(document, "value"), number(document, "lower95"), number(document, "upper95"),
                    number(document, "lower998"), number(document, "upper998"), number(document, "count"), number(document, "denominator"),
                    Boolean.TRUE.equals(document.getBoolean("provisional")), document.getString("unavailableReason"),
                    document.getString("note"), publishedAt == null ? null : publishedAt.toInstant(), document.getString("publishedBy"));
        }

        private static Double number(Document document, String key) {
            Object value = document.get(key);
            return value == null ? null : ((Number) value).doubleValue();
        }
    }

    /** The period a label reads as; labels repeat across millions of values, so each is read once. */
    static Period period(String label) {
        Period period = PERIODS.get(label);
        if (period == null) {
            period = Period.parse(label);
            if (PERIODS.size() >= PERIODS_KEPT) {
                PERIODS.clear();
            }
            PERIODS.put(label, period);
        }
        return period;
    }
}
