package org.civicgraph.partners.name;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameTextTest {

    @Test
    void caseAccentsPunctuationApostrophesAndAmpersandsAreFolded() {
        assertThat(NameText.normalise("  Barnardo\u2019s & Caf\u00e9-Group (UK) ")).isEqualTo("barnardos and cafe group uk");
        assertThat(NameText.compact("L.P.F.T.")).isEqualTo("lpft");
    }

    @Test
    void tokensDropStopWordsJoinInitialsAndExpandAbbreviationsWrittenInsideNames() {
        assertThat(NameText.tokens("Lincs Partnership N.H.S. FT")).containsExactly("lincolnshire", "partnership", "nhs", "foundation", "trust");
        assertThat(NameText.tokens("Department for Work and Pensions")).containsExactly("department", "work", "pensions");
        assertThat(NameText.tokens("The")).containsExactly("the");
    }

    @Test
    void initialsComeWithAndWithoutNhs() {
        assertThat(NameText.initials("Lincolnshire Partnership NHS Foundation Trust")).containsExactly("lpnft", "lpft");
        assertThat(NameText.initials("Federation of Small Businesses")).containsExactly("fsb");
        assertThat(NameText.initials("Nacro")).isEmpty();
    }

    @Test
    void searchKeysHoldWholeNamesWordsBeginningsAndInitials() {
        assertThat(SearchKeys.of(java.util.List.of("Homes England", "HE")))
                .contains("n:homesengland", "w:homes", "p:ho", "p:hom", "p:homes", "w:england", "i:he", "n:he", "w:he")
                .doesNotContain("p:h");
    }
}
