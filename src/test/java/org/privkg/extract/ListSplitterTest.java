package org.privkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.privkg.annotation.Labels;
import org.privkg.vocab.Lexicon;

/** A data mark that enumerates items names each of them. */
class ListSplitterTest {
    private final ListSplitter lists = new ListSplitter(Lexicon.bundled().lists());

    private ItemList split(String markText) {
        return lists.split(Labels.label(markText)); // marks arrive as labels: NFKC, so （ is (
    }

    @Test
    void anEnumerationIsOneItemPerMember() {
        assertEquals(List.of("头像", "昵称", "密码"), split("头像、昵称、密码").members());
        assertEquals(List.of("真实姓名", "身份证号码", "人脸图像"), split("真实姓名、身份证号码和人脸图像").members());
        assertEquals(List.of("IP地址", "网络类型"), split("IP地址，网络类型").members());
    }

    @Test
    void membersWithoutAHeadNounShareTheLastOne() {
        assertEquals(List.of("交易信息", "支付信息", "物流信息"), split("交易、支付、物流信息").members());
        assertEquals(List.of("系统版本", "应用程序版本"), split("系统和应用程序版本").members());
        assertEquals(List.of("姓名", "手机号码"), split("姓名、手机号码").members());
        assertEquals(List.of("IMEI", "MAC地址"), split("IMEI和MAC地址").members());
    }

    @Test
    void aListBeforeDeModifiesOneHead() {
        assertEquals(List.of("有关其广告覆盖面和有效性的信息"), split("有关其广告覆盖面和有效性的信息").members());
        assertEquals(List.of("您与关联方、合作伙伴互动时我们获得的相关信息"), split("您与关联方、合作伙伴互动时我们获得的相关信息").members());
        assertEquals(List.of("浏览或要求提供的其他信息"), split("浏览或要求提供的其他信息").members());
    }

    @Test
    void aTrailingEtcIsDroppedAndASlashDoesNotSplit() {
        assertEquals(List.of("语言", "时区"), split("语言和时区等").members());
        assertEquals(List.of("屏幕分辨率", "字体大小"), split("屏幕分辨率、字体大小等").members());
        assertEquals(List.of("通信/通话记录"), split("通信/通话记录").members());
    }

    @Test
    void wordsAfterEtcNameTheCategoryNotASharedHead() {
        ItemList items = split("心率、睡眠等健康生理信息");
        assertEquals(List.of("心率", "睡眠"), items.members());
        assertEquals(List.of(new Broader("心率", "健康生理信息"), new Broader("睡眠", "健康生理信息")), items.children());
    }

    @Test
    void aParenthesisInsideAMemberListsItsChildren() {
        ItemList items = split("设备名称、系统和应用程序版本、设备识别码（IMEI、ESN、MEID和SN）");
        assertEquals(List.of("设备名称", "系统版本", "应用程序版本", "设备识别码"), items.members());
        assertEquals(List.of(new Broader("IMEI", "设备识别码"), new Broader("ESN", "设备识别码"),
                new Broader("MEID", "设备识别码"), new Broader("SN", "设备识别码")), items.children());
        assertEquals(List.of(new Broader("设备定位所在区域ID", "地理位置")), split("地理位置（例如设备定位所在区域ID）").children());
    }

    @Test
    void oneAbbreviationInParenthesesIsAnotherName() {
        ItemList imei = split("国际移动设备识别码（IMEI）");
        assertEquals(List.of("国际移动设备识别码"), imei.members());
        assertEquals(List.of(new ItemList.AltName("国际移动设备识别码", "IMEI")), imei.altNames());
        assertTrue(imei.children().isEmpty());
        assertEquals(List.of("网卡地址"), split("网卡（MAC）地址").members());
    }

    @Test
    void aPlainItemIsLeftAsWritten() {
        ItemList plain = split("手机号码");
        assertEquals(List.of("手机号码"), plain.members());
        assertFalse(plain.isSplit());
        assertEquals(List.of("您观看、点赞或评论的视频内容"), split("您观看、点赞或评论的视频内容").members());
    }
}
