package io.vigil.config.tns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.i18n.Messages;

/** tnsnames.ora as customers' files have it: the corpus under src/test/resources/tns and shapes written inline. */
class TnsParserTest {

    static Path resource(String name) {
        try {
            return Path.of(TnsParserTest.class.getResource("/tns/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TnsNames site() {
        return TnsParser.read(resource("site/tnsnames.ora"));
    }

    private static TnsEntry entry(TnsNames names, String alias) {
        return names.entries().stream().filter(e -> e.alias().equals(alias)).findFirst().orElseThrow(() -> new AssertionError(alias + " missing"));
    }

    private static List<String> keys(TnsNames names) {
        return names.problems().stream().map(p -> p.reason().key()).toList();
    }

    @Nested
    class TheSiteCorpus {

        private final TnsNames names = site();

        @Test
        void everyGoodAliasIsReadInFileOrderWithTheIncludedOnesWhereTheIncludeStands() {
            assertThat(names.entries()).extracting(TnsEntry::alias).containsExactly("PROD.EXAMPLE.COM", "legacy", "HR", "HR_RO", "AFTER_BROKEN",
                    "SECURE", "DG", "REPORTING", "LAST");
        }

        @Test
        void aServiceNameEntryWithADomainSuffix() {
            TnsEntry prod = entry(names, "PROD.EXAMPLE.COM");
            assertThat(prod.host()).isEqualTo("prod-scan.example.com");
            assertThat(prod.port()).isEqualTo(1521);
            assertThat(prod.serviceName()).isEqualTo("prod.example.com");
            assertThat(prod.bySid()).isFalse();
            assertThat(prod.line()).isEqualTo(4);
            assertThat(prod.file()).isEqualTo(names.file());
        }

        @Test
        void lowerCaseKeywordsOnOneLineAndASid() {
            TnsEntry legacy = entry(names, "legacy");
            assertThat(legacy.bySid()).isTrue();
            assertThat(legacy.sid()).isEqualTo("LEG8");
            assertThat(legacy.database()).isEqualTo("LEG8");
            assertThat(legacy).extracting(TnsEntry::host, TnsEntry::port, TnsEntry::line).containsExactly("10.1.2.3", 1526, 14);
        }

        @Test
        void twoAliasesShareOneDescriptorAndTheFirstTcpAddressOfNestedListsIsTakenWithAllAddressesCounted() {
            TnsEntry hr = entry(names, "HR");
            TnsEntry ro = entry(names, "HR_RO");
            assertThat(hr).extracting(TnsEntry::host, TnsEntry::port, TnsEntry::serviceName, TnsEntry::instanceName, TnsEntry::addresses)
                    .containsExactly("hr-a.example.com", 1522, "hr", "hr1", 3);
            assertThat(ro).extracting(TnsEntry::host, TnsEntry::serviceName, TnsEntry::line).containsExactly("hr-a.example.com", "hr", 16);
        }

        @Test
        void lineBreaksInsideParenthesesAndTrailingCommentsDoNotMatter() {
            TnsEntry after = entry(names, "AFTER_BROKEN");
            assertThat(after).extracting(TnsEntry::host, TnsEntry::port, TnsEntry::serviceName, TnsEntry::line)
                    .containsExactly("after.example.com", 1521, "after", 33);
        }

        @Test
        void tcpsIsNotedAndUnknownKeywordsWithQuotedValuesAreNoError() {
            TnsEntry secure = entry(names, "SECURE");
            assertThat(secure.tcps()).isTrue();
            assertThat(secure.port()).isEqualTo(2484);
            assertThat(entry(names, "PROD.EXAMPLE.COM").tcps()).isFalse();
        }

        @Test
        void aDescriptionListGivesItsFirstDescriptionsAddressAndCountsEveryAddress() {
            TnsEntry dg = entry(names, "DG");
            assertThat(dg).extracting(TnsEntry::host, TnsEntry::serviceName, TnsEntry::addresses).containsExactly("dg-primary.example.com", "dg_rw", 2);
        }

        @Test
        void anIncludeIsReadRelativeToTheIncludingFilesFolder() {
            TnsEntry reporting = entry(names, "REPORTING");
            assertThat(reporting.file()).isEqualTo(names.folder().resolve("includes/extra.ora"));
            assertThat(reporting.line()).isEqualTo(2);
        }

        @Test
        void anAddressWithoutPortTakesOraclesDefault() {
            assertThat(entry(names, "LAST").port()).isEqualTo(1521);
        }

        @Test
        void eachBadEntryIsReportedWithItsFileLineAndReasonAndTheGoodOnesAroundItSurvive() {
            Path extra = names.folder().resolve("includes/extra.ora");
            assertThat(names.problems()).extracting(p -> p.file(), TnsProblem::line, p -> p.reason().key()).containsExactly(
                    tuple(names.file(), 28, "tns.problem.unbalanced"),
                    tuple(names.file(), 68, "tns.problem.ezconnect"),
                    tuple(names.file(), 70, "tns.problem.noTcp"),
                    tuple(names.file(), 72, "tns.problem.duplicate"),
                    tuple(extra, 9, "tns.problem.cycle"),
                    tuple(names.file(), 76, "tns.problem.missingInclude"));
        }

        @Test
        void aDuplicateAliasKeepsTheFirstDefinitionAndSaysWhere() {
            assertThat(names.entries().stream().filter(e -> e.alias().equalsIgnoreCase("legacy"))).singleElement()
                    .extracting(TnsEntry::sid).isEqualTo("LEG8");
            TnsProblem dup = names.problems().get(3);
            assertThat(names.describe(dup, new Messages(Locale.ENGLISH)))
                    .isEqualTo("tnsnames.ora line 72: legacy is defined again here (first in tnsnames.ora at line 14); the first definition is kept.");
        }

        @Test
        void problemsReadInBothLanguagesWithTheIncludedFileNamedRelativeToTheTopFolder() {
            TnsProblem cycle = names.problems().get(4);
            assertThat(names.describe(cycle, new Messages(Locale.ENGLISH))).startsWith("includes/extra.ora line 9: IFILE ../tnsnames.ora leads back");
            assertThat(names.describe(cycle, new Messages(Locale.SIMPLIFIED_CHINESE))).startsWith("includes/extra.ora 第 9 行：IFILE ../tnsnames.ora 又引用回");
            assertThat(names.describe(names.problems().get(1), new Messages(Locale.ENGLISH)))
                    .contains("QUICK = quick-db.example.com:1521/quick is an EZConnect address");
        }

        @Test
        void theDriverFindsAFileCalledTnsnamesOraOnly() {
            assertThat(names.driverFindsIt()).isTrue();
            assertThat(TnsParser.read(resource("site/includes/extra.ora")).driverFindsIt()).isFalse();
        }
    }

    @Test
    void aBinaryFileIsReportedAsNotTextAndHoldsNoEntries() {
        TnsNames names = TnsParser.read(resource("binary.ora"));
        assertThat(names.entries()).isEmpty();
        assertThat(names.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason().key()).isEqualTo("tns.problem.notText");
            assertThat(p.wholeFile()).isTrue();
        });
    }

    @Test
    void anEmptyFileSaysItHoldsNothing() {
        TnsNames names = TnsParser.read(resource("empty.ora"));
        assertThat(names.entries()).isEmpty();
        assertThat(keys(names)).containsExactly("tns.problem.noEntries");
    }

    @Test
    void aMissingFileAndAFolderAreReportedNotThrown(@TempDir Path dir) {
        assertThat(keys(TnsParser.read(dir.resolve("nope.ora")))).containsExactly("tns.problem.missingFile");
        assertThat(keys(TnsParser.read(dir))).containsExactly("tns.problem.folder");
    }

    @Test
    void windowsLineEndsTabsABomAndLatin1CommentsAreRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tnsnames.ora");
        byte[] latin1 = "# base de donn\u00e9es\r\n\tA =\r\n\t(DESCRIPTION =\r\n\t\t(ADDRESS = (PROTOCOL = TCP)(HOST = a)(PORT = 1521))\r\n\t\t(CONNECT_DATA = (SID = X)))\r\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(f, latin1);
        assertThat(TnsParser.read(f).entries()).extracting(TnsEntry::alias, TnsEntry::sid, TnsEntry::line).containsExactly(tuple("A", "X", 2));
        Files.writeString(f, "\uFEFFB=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=b)(PORT=1))(CONNECT_DATA=(SERVICE_NAME=s)))\n");
        assertThat(TnsParser.read(f).entries()).extracting(TnsEntry::alias).containsExactly("B");
    }

    @Test
    void aCloseTooManyAMisplacedWordAndABadPortEachSpoilOnlyTheirOwnEntry() {
        TnsNames names = TnsParser.parse(Path.of("/site/tnsnames.ora"), """
                ONE = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = one)(PORT = 1521))(CONNECT_DATA = (SERVICE_NAME = one))))
                TWO = (DESCRIPTION = (ADDRESS = (PROTOCOL TCP))(CONNECT_DATA = (SERVICE_NAME = two)))
                THREE = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = three)(PORT = 15x21))(CONNECT_DATA = (SERVICE_NAME = three)))
                FOUR = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = four)(PORT = 1521)))
                FIVE = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = five)(PORT = 1521))(CONNECT_DATA = (SERVICE_NAME = five)))
                just some words
                SIX =
                """);
        assertThat(names.entries()).extracting(TnsEntry::alias).containsExactly("FIVE");
        assertThat(names.problems()).extracting(TnsProblem::line, p -> p.reason().key()).containsExactly(
                tuple(1, "tns.problem.extraClose"), tuple(2, "tns.problem.malformed"), tuple(3, "tns.problem.badPort"),
                tuple(4, "tns.problem.noService"), tuple(6, "tns.problem.notEntry"), tuple(7, "tns.problem.noValue"));
    }

    @Test
    void aDescriptorKeywordInTheFirstColumnStaysInsideItsEntry() {
        TnsNames names = TnsParser.parse(Path.of("/site/tnsnames.ora"), """
                A =
                (DESCRIPTION =
                (ADDRESS = (PROTOCOL = TCP)
                (HOST = a.example.com)(PORT = 1530))
                (CONNECT_DATA =
                SERVICE_NAME = wrong
                ))
                B = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = b)(PORT = 1521))(CONNECT_DATA = (SERVICE_NAME = b)))
                """);
        // SERVICE_NAME without its parentheses belongs to A (which then names no service), it does not start an entry
        assertThat(names.entries()).extracting(TnsEntry::alias).containsExactly("B");
        assertThat(names.problems()).extracting(TnsProblem::line, p -> p.reason().key()).containsExactly(tuple(1, "tns.problem.noService"));
    }

    @Test
    void anEntryWithoutDescriptionAndTheOldAddressListFormIsStillRead() {
        TnsNames names = TnsParser.parse(Path.of("/site/tnsnames.ora"), """
                OLD = (ADDRESS_LIST = (ADDRESS = (COMMUNITY = tcp.world)(PROTOCOL = TCP)(Host = old)(Port = 1521)))
                      (CONNECT_DATA = (SID = OLD7) (GLOBAL_NAME = old.world))
                """);
        assertThat(names.problems()).isEmpty();
        assertThat(names.entries()).extracting(TnsEntry::host, TnsEntry::sid).containsExactly(tuple("old", "OLD7"));
    }

    @Test
    void anIncludeThatIsMissingIsReportedWhereItStandsAndAnIncludeOfItselfIsACycle(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tnsnames.ora");
        Files.writeString(f, "IFILE = tnsnames.ora\nifile=\"gone.ora\"\nX=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=x))(CONNECT_DATA=(SID=X)))\n");
        TnsNames names = TnsParser.read(f);
        assertThat(names.entries()).extracting(TnsEntry::alias).containsExactly("X");
        assertThat(names.problems()).extracting(TnsProblem::line, p -> p.reason().key())
                .containsExactly(tuple(1, "tns.problem.cycle"), tuple(2, "tns.problem.missingInclude"));
    }

    @Test
    void anAliasIsMatchedWithoutRegardToCaseForDuplicates() {
        TnsNames names = TnsParser.parse(Path.of("/site/tnsnames.ora"), """
                Sales = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = s1)(PORT = 1521))(CONNECT_DATA = (SERVICE_NAME = s)))
                SALES = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = s2)(PORT = 1521))(CONNECT_DATA = (SERVICE_NAME = s)))
                """);
        assertThat(names.entries()).extracting(TnsEntry::alias, TnsEntry::host).containsExactly(tuple("Sales", "s1"));
        assertThat(keys(names)).containsExactly("tns.problem.duplicate");
    }

    @Test
    void parenthesesNestedBeyondAnyRealDescriptorAreReportedNotOverflowed() {
        String deep = "(DESCRIPTION = ".repeat(5000) + ")".repeat(5000);
        TnsNames names = TnsParser.parse(Path.of("/site/tnsnames.ora"), "DEEP = " + deep + "\n"
                + "OK = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = ok)(PORT = 1521))(CONNECT_DATA = (SERVICE_NAME = ok)))\n");
        assertThat(names.entries()).extracting(TnsEntry::alias).containsExactly("OK");
        assertThat(keys(names)).containsExactly("tns.problem.tooDeep");
    }

    @Test
    void aHugeFileIsNotReadIntoMemory(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("tnsnames.ora");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), TnsParser.MAX_BYTES); // sparse: takes no disk
        }
        assertThat(keys(TnsParser.read(big))).containsExactly("tns.problem.tooLarge");
    }
}
