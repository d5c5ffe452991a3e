package org.civicgraph.partners.name;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape of the name queries: equality, $in and $all on the indexed key array, which a multikey index answers. */
class KeyQueryTest {

    @Test
    void aNameSearchIsAnAllOnTheIndexedKeyArrayOrForOneWordAnInWithTheInitials() {
        assertThat(SearchKeys.search("Linc  COUN.").criteria("searchKeys").getCriteriaObject())
                .isEqualTo(new Document("searchKeys", new Document("$all", List.of("p:linc", "p:coun"))));
        assertThat(SearchKeys.search("L.P.F.T.").criteria("searchKeys").getCriteriaObject())
                .isEqualTo(new Document("searchKeys", new Document("$in", List.of("p:lpft", "i:lpft"))));
        assertThat(SearchKeys.search("a").criteria("searchKeys").getCriteriaObject())
                .isEqualTo(new Document("searchKeys", "n:a"));
    }

    @Test
    void severalAlternativesBecomeAnOrOfOneInAndEachAll() {
        KeyQuery query = KeyQuery.anyOf(List.of("n:lpft", "i:lpft")).or(KeyQuery.allOf(List.of("w:a", "w:b")));

        assertThat(query.criteria("k").getCriteriaObject()).isEqualTo(new Document("$or", List.of(
                new Document("k", new Document("$in", List.of("n:lpft", "i:lpft"))),
                new Document("k", new Document("$all", List.of("w:a", "w:b"))))));
        assertThat(new KeyQuery(List.of()).criteria("k").getCriteriaObject()).isEqualTo(new Document("k", new Document("$in", List.of())));
    }

    @Test
    void theTestAndTheCandidatesFollowTheSameRuleAsTheCriterion() {
        KeyQuery query = KeyQuery.anyOf(List.of("i:x")).or(KeyQuery.allOf(List.of("w:a", "w:b")));
        Map<String, Set<String>> holders = Map.of("i:x", Set.of("one"), "w:a", Set.of("two", "three"), "w:b", Set.of("three", "four"));

        assertThat(query.matches(List.of("w:a", "w:b", "w:c"))).isTrue();
        assertThat(query.matches(List.of("i:x"))).isTrue();
        assertThat(query.matches(List.of("w:a", "i:y"))).isFalse();
        assertThat(query.candidates(key -> holders.getOrDefault(key, Set.of()))).containsExactlyInAnyOrder("one", "three");
        assertThat(new KeyQuery(List.of()).matches(List.of("w:a"))).isFalse();
    }
}
