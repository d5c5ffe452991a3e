package org.civicgraph.partners.resolution;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NameScoreTest {

    private static final List<String> LPFT = List.of("Lincolnshire Partnership NHS Foundation Trust", "LPFT");

    @Test
    void theOwnNameScoresOneAndAnotherName097() {
        assertThat(NameScore.best("lincolnshire partnership nhs foundation trust", LPFT).score()).isEqualTo(1.0);
        assertThat(NameScore.best("L.P.F.T.", LPFT)).isEqualTo(new NameScore.Scored(0.97, "LPFT", NameMatch.OTHER_NAME));
    }

    @Test
    void theSameWordsInAnotherOrderOrAbbreviatedInsideScore095() {
        assertThat(NameScore.best("NHS FT, Lincolnshire Partnership", LPFT).score()).isEqualTo(0.95);
    }

    @Test
    void unrecordedInitialsScore08() {
        assertThat(NameScore.best("LPNFT", LPFT)).isEqualTo(new NameScore.Scored(0.8, LPFT.get(0), NameMatch.INITIALS));
    }

    @Test
    void genericWordsCountForLessThanTheWordsThatIdentify() {
        double sharesPlace = NameScore.overlap(List.of("leicestershire", "county", "council"), List.of("lincolnshire", "county", "council"));
        double sharesPlaceOnly = NameScore.overlap(List.of("lincolnshire", "police"), List.of("lincolnshire", "county", "council"));

        assertThat(sharesPlace).isCloseTo(0.375, within(0.001));
        assertThat(sharesPlaceOnly).isGreaterThan(sharesPlace);
    }

    @Test
    void aWordOneLetterOffCountsAsANearMatchOnlyWhenLong() {
        assertThat(NameScore.withinOneEdit("partnership", "partnershp")).isTrue();
        assertThat(NameScore.withinOneEdit("dynniq", "dinniq")).isTrue();
        assertThat(NameScore.withinOneEdit("kier", "kiers")).isTrue();
        assertThat(NameScore.withinOneEdit("dynniq", "dinnik")).isFalse();
        assertThat(NameScore.overlap(List.of("kier"), List.of("kiers"))).isZero();
        assertThat(NameScore.overlap(List.of("dinniq"), List.of("dynniq"))).isCloseTo(0.8, within(0.001));
    }
}
