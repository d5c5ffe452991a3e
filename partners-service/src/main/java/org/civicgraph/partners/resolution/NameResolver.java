package org.civicgraph.partners.resolution;

import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides what a name written in a document refers to, never guessing: the best candidate ({@link NameScore}) is
 * taken only when it scores at least {@value #RESOLVES_AT} and at least {@value #CLEAR_MARGIN} more than the
 * runner-up. Otherwise the name stays unresolved and the candidates are listed for a person to choose from.
 */
@Service
class NameResolver {

    static final double RESOLVES_AT = 0.85;
    static final double CLEAR_MARGIN = 0.10;
    static final double LISTED_FROM = 0.30;
    static final int MOST_CANDIDATES = 5;
    /** A partner that serves neither the document's areas nor the whole country keeps this share of its score. */
    static final double ELSEWHERE = 0.85;
    private static final Set<String> WHOLE_COUNTRY = Set.of("E92000001", "K02000001", "K03000001", "K04000001");

    private final CandidateFinder finder;

    NameResolver(CandidateFinder finder) {
        this.finder = finder;
    }

    /**
     * @param areas GSS codes of the area the document is about and the areas it lies in; may be empty
     */
    NameResolution resolve(String written, Collection<String> areas) {
        List<NameCandidate> candidates = finder.find(written).stream()
                .map(named -> candidate(written, named, areas))
                .filter(candidate -> candidate.score() >= LISTED_FROM)
                .sorted(Comparator.comparingDouble(NameCandidate::score).reversed()
                        .thenComparing(candidate -> candidate.partner().id()))
                .toList();
        ResolutionStatus status = statusOf(candidates);
        return new NameResolution(written, status, status == ResolutionStatus.RESOLVED ? candidates.get(0).partner() : null,
                candidates.stream().limit(MOST_CANDIDATES).toList());
    }

    private static NameCandidate candidate(String written, Named named, Collection<String> areas) {
        NameScore.Scored scored = NameScore.best(written, named.names());
        double score = servesElsewhere(named, areas) ? scored.score() * ELSEWHERE : scored.score();
        return new NameCandidate(named.partner(), round(score), scored.matchedName(), scored.match());
    }

    private static boolean servesElsewhere(Named named, Collection<String> areas) {
        return !areas.isEmpty() && named.areasServed().stream().noneMatch(area -> areas.contains(area) || WHOLE_COUNTRY.contains(area));
    }

    private static ResolutionStatus statusOf(List<NameCandidate> candidates) {
        if (candidates.isEmpty() || candidates.get(0).score() < RESOLVES_AT) {
            return ResolutionStatus.UNKNOWN;
        }
        double runnerUp = candidates.size() > 1 ? candidates.get(1).score() : 0;
        return candidates.get(0).score() - runnerUp >= CLEAR_MARGIN - 1e-9 ? ResolutionStatus.RESOLVED : ResolutionStatus.AMBIGUOUS;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
