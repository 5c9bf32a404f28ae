package org.privkg.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.privkg.annotation.AnnotationParser;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.MarkKind;
import org.privkg.standoff.InlineReader;

class AnnotatorTest {
    static final Annotator ANNOTATOR = Annotator.bundled();

    static String marked(String text) {
        return ANNOTATOR.marked(text);
    }

    @Test
    void purposeCueActionAndItsDataItems() {
        assertEquals("为了{创建账号}，您需要[提供]<手机号码>和<短信验证码>。", marked("为了创建账号，您需要提供手机号码和短信验证码。"));
    }

    @Test
    void theOwnSideAsSubjectPossessiveDroppedAndABracketListedAsItemsOfItsOwn() {
        assertEquals("(我们)会[收集]您的<姓名>、<身份证号码>（包括<证件类型>、<证件号码>），用于{完成实名购票}。",
                marked("我们会收集您的姓名、身份证号码（包括证件类型、证件号码），用于完成实名购票。"));
    }

    @Test
    void disposalConstructionTakesTheObjectBeforeTheVerbAndTheRecipientAfterIt() {
        assertEquals("(我们)会将您的<订单信息>[提供]给(合作商户)，以便{完成出票}。", marked("我们会将您的订单信息提供给合作商户，以便完成出票。"));
    }

    @Test
    void placementVerbTakesItsObjectFromBeforeAndThePlaceIsAnEntity() {
        assertEquals("您的<订单记录>将[存储]于中国境内的(服务器)。", marked("您的订单记录将存储于中国境内的服务器。"));
    }

    @Test
    void aQuestionHeadingProposesNoPractice() {
        assertEquals("一、我们如何收集和使用您的个人信息", marked("一、我们如何收集和使用您的个人信息"));
    }

    @Test
    void aVerbThatEndsANounIsNoAction() {
        assertEquals("(我们)会[收集]您的<答题记录>。", marked("我们会收集您的答题记录。"));
    }

    @Test
    void theUsersOwnUseOfTheServiceIsNoPractice() {
        assertEquals("您可以使用手机号码登录。", marked("您可以使用手机号码登录。"));
    }

    @Test
    void aVerbWithoutDataIsNoAction() {
        assertEquals("我们会为您提供客服服务。", marked("我们会为您提供客服服务。"));
    }

    @Test
    void theOwnSideOfAPromiseIsLeftUnmarkedItsPracticeIsNot() {
        assertEquals("我们不会向(第三方)[出售]您的<手机号码>。", marked("我们不会向第三方出售您的手机号码。"));
    }

    @Test
    void headingsTitlesAndDateLinesGetNoMarks() {
        assertEquals("（六）第三方SDK直接收集的信息\n发布日期：2025年1月1日\n", marked("（六）第三方SDK直接收集的信息\n发布日期：2025年1月1日\n"));
    }

    @Test
    void aVerbBeforeANounTailIsPartOfTheNoun() {
        assertEquals("(我们)会[统计]<使用时长>。", marked("我们会统计使用时长。"));
    }

    @Test
    void whatTheUserRefusesToGiveIsNoPractice() {
        assertEquals("如您拒绝提供手机号码，将无法完成注册。", marked("如您拒绝提供手机号码，将无法完成注册。"));
    }

    @Test
    void aPartysNameStopsAtTheWordThatIntroducesIt() {
        assertEquals("(我们)会委托(第三方)[处理]您的<订单信息>。", marked("我们会委托第三方处理您的订单信息。"));
    }

    @Test
    void anAdverbHoldingAVerbsFirstCharacterLeavesTheVerbWhole() {
        assertEquals("(第三方SDK)会直接[收集]您的<设备信息>。", marked("第三方SDK会直接收集您的设备信息。"));
    }

    @Test
    void aDataItemEndsWhereTheClauseGoesOn() {
        assertEquals("(我们)会[收集]您的<手机号码>并进行验证。", marked("我们会收集您的手机号码并进行验证。"));
    }

    @Test
    void gettingConsentIsNoPracticeAndDescribingDataIsNone() {
        assertEquals("(我们)仅在取得监护人同意后[收集]儿童的<姓名>。", marked("我们仅在取得监护人同意后收集儿童的姓名。"));
        assertEquals("(我们)会[收集]能够识别您身份的<信息>。", marked("我们会收集能够识别您身份的信息。"));
    }

    @Test
    void verbsThatModifyTheTopicOfAStorageClauseAreNoActions() {
        String storage = "我们在中华人民共和国境内收集和产生的个人信息，将存储于境内的服务器。";
        assertEquals(storage, marked(storage));
    }

    @Test
    void aPartyNamedBeforeItsWordIsOneEntity() {
        assertEquals("(个推SDK)会[收集]您的<设备标识符>。", marked("个推SDK会收集您的设备标识符。"));
    }

    @Test
    void bracketsOfTheRawTextAreEscapedSoTheMarksParseBack() {
        String raw = "我们(以下简称[本平台])会收集您的<手机号码>。";
        String marked = marked(raw);
        Diagnostics d = new Diagnostics("t.txt");
        new AnnotationParser(false).parse("t", "t.txt", marked, d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(raw, InlineReader.read(marked).text());
    }

    @Test
    void scoresAreBetweenZeroAndOneAndOffsetsCountCodePoints() {
        List<ProposedMark> marks = ANNOTATOR.annotate("𠀀我们会收集您的手机号码。");
        assertTrue(marks.stream().allMatch(m -> m.score() > 0 && m.score() <= 1));
        ProposedMark data = marks.stream().filter(m -> m.kind() == MarkKind.DATA).findFirst().orElseThrow();
        assertEquals(8, data.start()); // 𠀀 is one code point (two UTF-16 units): 手机号码 is code points 8 to 12
        assertEquals(12, data.end());
    }

    /** On every annotated policy of the test corpus, marks removed: the proposal is marks that parse without error. */
    @Test
    void proposalsAlwaysParseAsMarks() throws IOException {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/test/resources");
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.list(base.resolve("unseen")), Files.list(base.resolve("unseen2")))) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String plain = InlineReader.read(Files.readString(f)).text();
            String marked = marked(plain);
            Diagnostics d = new Diagnostics(f.toString());
            new AnnotationParser(false).parse("p", f.toString(), marked, d);
            assertFalse(d.hasErrors(), f + ": " + d.all());
            assertEquals(plain, InlineReader.read(marked).text(), f.toString());
            assertTrue(InlineReader.read(marked).marks().size() > 20, f + " gets marks");
        }
    }
}
