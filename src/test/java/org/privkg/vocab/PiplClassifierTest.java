package org.privkg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PIPL art. 28 categories derived from data labels: what is sensitive, and what only looks like it. */
class PiplClassifierTest {
    static final PiplClassifier PIPL = PiplClassifier.bundled();

    @Test
    void sensitiveCategoriesOfArticle28() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("人脸图像", List.of("BiometricInformation")),
                Map.entry("人脸特征值", List.of("BiometricInformation")),
                Map.entry("指纹", List.of("BiometricInformation")),
                Map.entry("声纹特征", List.of("BiometricInformation")),
                Map.entry("宗教信仰", List.of("ReligiousBeliefInformation")),
                Map.entry("残疾人证", List.of("SpecificIdentityInformation", "MedicalHealthInformation")),
                Map.entry("病历", List.of("MedicalHealthInformation")),
                Map.entry("未成年就诊人的健康信息", List.of("MedicalHealthInformation")),
                Map.entry("体重", List.of("MedicalHealthInformation")),
                Map.entry("银行卡号", List.of("FinancialAccountInformation")),
                Map.entry("支付账户标识", List.of("FinancialAccountInformation")),
                Map.entry("支付密码", List.of("FinancialAccountInformation")),
                Map.entry("行程轨迹", List.of("WhereaboutsInformation")),
                Map.entry("精确位置信息", List.of("WhereaboutsInformation")),
                Map.entry("GPS位置", List.of("WhereaboutsInformation")),
                Map.entry("儿童个人信息", List.of("MinorPersonalInformation")),
                Map.entry("不满十四周岁的儿童的照片", List.of("MinorPersonalInformation")),
                Map.entry("身份证号码", List.of("OtherSensitiveInformation")),
                Map.entry("个人信用报告", List.of("OtherSensitiveInformation")),
                Map.entry("无犯罪记录证明", List.of("OtherSensitiveInformation")));
        expected.forEach((label, cats) -> assertEquals(cats, PIPL.categories(label), label));
    }

    @Test
    void lookAlikesAreNotSensitive() {
        for (String label : List.of("手机号码", "头像", "昵称", "设备指纹", "浏览器指纹", "粗略位置信息", "所在城市", "位置信息",
                "行程录音", "软硬件特征信息", "就诊人姓名", "运行程序列表", "订单信息", "IP地址", "未成年人姓名")) {
            assertEquals(List.of(), PIPL.categories(label), label);
        }
    }

    @Test
    void categoriesAreTheOntologysConcepts() {
        assertEquals(List.of("BiometricInformation", "ReligiousBeliefInformation", "SpecificIdentityInformation",
                "MedicalHealthInformation", "FinancialAccountInformation", "WhereaboutsInformation",
                "MinorPersonalInformation", "OtherSensitiveInformation"), PIPL.knownCategories());
    }
}
