package org.privkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.privkg.annotation.AnnotationParser;
import org.privkg.annotation.Diagnostics;
import org.privkg.vocab.ActionConcept;
import org.privkg.vocab.Lexicon;

/** One example per extraction rule of docs/annotating.md, in the words a policy would use. */
class ExtractorTest {

    static ExtractedPolicy extract(String text) {
        Diagnostics d = new Diagnostics("t.txt");
        var doc = new AnnotationParser(false).parse("t", "t.txt", text, d);
        assertFalse(d.hasErrors(), d.all()::toString);
        return new Extractor(Lexicon.bundled()).extract(doc, null);
    }

    static DataPractice only(String text) {
        List<DataPractice> ps = extract(text).practices();
        assertEquals(1, ps.size(), ps::toString);
        return ps.get(0);
    }

    static List<String> labels(List<Party> parties) {
        return parties.stream().map(Party::label).toList();
    }

    @Nested
    class Actions {
        @Test
        void everyActionMarkYieldsAPracticeEvenWithoutData() {
            DataPractice p = only("我们会[收集]相关信息。");
            assertEquals(ActionConcept.COLLECT, p.action());
            assertTrue(p.data().isEmpty());
        }

        @Test
        void aMarkWithSeveralVerbsYieldsOnePracticeEach() {
            List<DataPractice> ps = extract("为{结算}，我们会[共享、转让]您的<订单信息>。").practices();
            assertEquals(List.of(ActionConcept.SHARE, ActionConcept.TRANSFER), ps.stream().map(DataPractice::action).toList());
            assertTrue(ps.stream().allMatch(p -> p.data().equals(List.of("订单信息")) && p.purposes().equals(List.of("结算"))));
        }

        @Test
        void markedYongYuIsUseWhileUnmarkedItOpensAPurpose() {
            DataPractice p = only("我们不会将您的<通讯录>[用于]商业营销。");
            assertEquals(ActionConcept.USE, p.action());
            assertTrue(p.negated());
            DataPractice collect = only("我们会[收集]您的<位置信息>，用于{推荐附近门店}。");
            assertEquals(ActionConcept.COLLECT, collect.action());
            assertEquals(List.of("推荐附近门店"), collect.purposes());
        }

        @Test
        void aVerbOutsideTheLexiconIsProcess() {
            assertEquals(ActionConcept.PROCESS, only("我们会[脱敏]<日志>。").action());
        }

        @Test
        void inferredPracticeTakesTheNearestLexiconVerbBeforeTheFirstDataItem() {
            DataPractice p = only("为{交付商品}，您需提供<收货人姓名>、<收货地址>。");
            assertTrue(p.inferred());
            assertEquals(ActionConcept.PROVIDE, p.action());
            assertEquals(List.of("收货人姓名", "收货地址"), p.data());
        }

        @Test
        void verbsInsideSuoDeModifiersDoNotCount() {
            DataPractice p = only("我们会接收并记录您所使用的<设备相关信息>。");
            assertEquals(ActionConcept.RECORD, p.action());
        }

        @Test
        void noVerbMeansProcess() {
            DataPractice p = only("根据您的<浏览记录>推荐商品。");
            assertTrue(p.inferred());
            assertEquals(ActionConcept.PROCESS, p.action());
        }
    }

    @Nested
    class DataToAction {
        @Test
        void dataBelongsToTheActionInItsOwnCommaPart() {
            List<DataPractice> ps = extract("我们会[收集]<A>，并[使用]<B>。").practices();
            assertEquals(List.of("A"), ps.get(0).data());
            assertEquals(List.of("B"), ps.get(1).data());
        }

        @Test
        void otherwiseToTheNearestActionBefore() {
            List<DataPractice> ps = extract("我们会[收集]<A>，<B>也会收集。").practices();
            assertEquals(List.of("A", "B"), ps.get(0).data());
        }

        @Test
        void otherwiseToTheFirstActionAfter() {
            List<DataPractice> ps = extract("您的<A>，我们会[存储]。").practices();
            assertEquals(List.of("A"), ps.get(0).data());
        }

        @Test
        void actionsJoinedByAConnectiveShareTheDataThatFollows() {
            List<DataPractice> ps = extract("我们会[收集]和[使用]您的<个人信息>。").practices();
            assertEquals(2, ps.size());
            assertTrue(ps.stream().allMatch(p -> p.data().equals(List.of("个人信息"))));
        }
    }

    @Nested
    class Purposes {
        @Test
        void everyPurposeOfTheClauseAppliesToEveryPractice() {
            List<DataPractice> ps = extract("为{甲}和{乙}，我们[收集]<A>并[使用]<B>。").practices();
            assertTrue(ps.stream().allMatch(p -> p.purposes().equals(List.of("甲", "乙"))));
        }

        @Test
        void aClauseWithoutPurposeTakesThoseOfTheClauseBeforeInTheSameSentence() {
            List<DataPractice> ps = extract("为{甲}，我们[收集]<A>；并[使用]<B>。我们[存储]<C>。").practices();
            assertEquals(List.of("甲"), ps.get(1).purposes());
            assertTrue(ps.get(2).purposes().isEmpty());
        }
    }

    @Nested
    class Actors {
        @Test
        void theFirstPartyActsByDefaultAndIsNamedAfterThePolicyTitle() {
            ExtractedPolicy p = extract("快行出行隐私政策\n我们会[收集]<手机号码>。");
            assertEquals("快行出行", p.owner());
            assertEquals(Party.Role.FIRST_PARTY, p.practices().get(0).actor().role());
        }

        @Test
        void titleSuffixesLikeUserOrAppAreDropped() {
            assertEquals("学而优网校", extract("学而优网校用户隐私政策\n[收集]<A>").owner());
        }

        @Test
        void anAliasNamesTheOwnerWhenNoTitleDoes() {
            assertEquals("云岚", extract("本政策由上海云岚科技有限公司（以下简称“云岚”）制定。\n(云岚)会[收集]<A>。").owner());
        }

        @Test
        void aThirdPartyAsSubjectIsTheActor() {
            DataPractice p = only("(合作商户)会[收集]您的<订单信息>。");
            assertEquals(new Party(Party.Role.THIRD_PARTY, "合作商户"), p.actor());
        }

        @Test
        void leadingDeterminersAreDroppedFromEntityLabels() {
            assertEquals("SDK", only("(该SDK)会[收集]<设备标识符>。").actor().label());
        }

        @Test
        void theUserIsNeverTheActorButTheSourceOfWhatTheyProvide() {
            DataPractice p = only("(您)需要[提供]<手机号码>。");
            assertEquals(Party.Role.FIRST_PARTY, p.actor().role());
            assertEquals(List.of(Party.Role.DATA_SUBJECT), p.sources().stream().map(Party::role).toList());
        }

        @Test
        void anUnmarkedFirstPartySubjectEndsAnEarlierSubject() {
            List<DataPractice> ps = extract("应由(监护人)代为[填写]；获得同意后，我们才会[收集]<A>。").practices();
            assertEquals(Party.Role.FIRST_PARTY, ps.get(0).actor().role());
        }
    }

    @Nested
    class ProvideOrShare {
        @Test
        void theUserProvidingIsProvide() {
            assertEquals(ActionConcept.PROVIDE, only("您需要[提供]<身份证号码>。").action());
        }

        @Test
        void aThirdPartyProvidingToUsIsProvideWithThatSource() {
            DataPractice p = only("(合作保险公司)会向(我们)[提供]您的<保单信息>。");
            assertEquals(ActionConcept.PROVIDE, p.action());
            assertEquals(Party.Role.FIRST_PARTY, p.actor().role());
            assertEquals(List.of("合作保险公司"), labels(p.sources()));
        }

        @Test
        void providingToAnotherPartyIsShare() {
            DataPractice p = only("我们会向第三方[提供]您的<订单信息>。");
            assertEquals(ActionConcept.SHARE, p.action());
            assertEquals(List.of("第三方"), labels(p.recipients()));
        }

        @Test
        void providingGivenToSomeoneIsShare() {
            DataPractice p = only("我们会将您的<上车地点>[提供]给为您服务的(司机)。");
            assertEquals(ActionConcept.SHARE, p.action());
            assertEquals(List.of("司机"), labels(p.recipients()));
        }

        @Test
        void submittingToAnAuthorityIsShare() {
            assertEquals(ActionConcept.SHARE, only("我们会将<身份信息>[提交]至公安机关。").action());
        }

        @Test
        void yuDoesNotMakeItAShare() {
            assertEquals(ActionConcept.PROVIDE, only("包括您与客服联系时您[提供]的<相关信息>。").action());
        }
    }

    @Nested
    class RecipientsAndSources {
        @Test
        void recipientAfterYuWithDeterminerDropped() {
            DataPractice p = only("我们需要将您的<交易信息>与这些支付机构[共享]。");
            assertEquals(List.of("支付机构"), labels(p.recipients()));
        }

        @Test
        void recipientKeepsTheWrittenNounPhrase() {
            assertEquals(List.of("中国人民银行征信中心"), labels(only("我们会向中国人民银行征信中心[报送]您的<信贷信息>。").recipients()));
            assertEquals(List.of("您选择的接诊医生"), labels(only("我们会与您选择的接诊医生[共享]<病历>。").recipients()));
        }

        @Test
        void entrustedProcessorIsARecipient() {
            DataPractice p = only("我们会委托(语音技术服务商)[处理]您的<语音信息>。");
            assertEquals(List.of("语音技术服务商"), labels(p.recipients()));
        }

        @Test
        void sourceAfterCong() {
            assertEquals(List.of("第三方"), labels(only("我们可能从第三方[获取]您的<账户信息>。").sources()));
        }

        @Test
        void aListOfPartiesGivesEachParty() {
            DataPractice p = only("我们会通过支付机构、物流公司等[收集]您的<交易信息>。");
            assertEquals(List.of("支付机构", "物流公司"), labels(p.sources()));
        }

        @Test
        void queryingSomeoneIsObtainingFromThem() {
            assertEquals(List.of("征信中心"), labels(only("我们会向征信中心[查询]您的<信用报告>。").sources()));
        }

        @Test
        void recipientsJoinedAfterANoteInParenthesesOrBeforeADeModifier() {
            DataPractice p = only("我们会将您的<订单信息>[提供]给(甲航运公司)（位于德国）、(乙物流公司)及负责清关的(丙报关行)。");
            assertEquals(List.of("甲航运公司", "乙物流公司", "丙报关行"), labels(p.recipients()));
        }

        @Test
        void aDeterminerStaysBeforeAOneCharacterNoun() {
            assertEquals(List.of("其他方"), labels(only("我们会与(其他方)[共享]您的<设备信息>。").recipients()));
        }

        @Test
        void aRecipientAbroadIsARecipientNotAPlace() {
            DataPractice p = only("我们不会向(境外接收方)[提供]您的<银行卡号>。");
            assertEquals(ActionConcept.SHARE, p.action());
            assertEquals(List.of("境外接收方"), labels(p.recipients()));
            assertTrue(p.storedIn().isEmpty());
        }

        @Test
        void aPartySendingToUsIsTheSourceOfWhatWeReceive() {
            DataPractice sent = only("(智能手表)会向我们[发送]您的<心率数据>。");
            assertEquals(ActionConcept.PROVIDE, sent.action());
            assertEquals(Party.Role.FIRST_PARTY, sent.actor().role());
            assertEquals(List.of("智能手表"), labels(sent.sources()));
            DataPractice provided = only("合作银行可能会向(我们)[提供]您的<授信额度>。");
            assertEquals(Party.Role.FIRST_PARTY, provided.actor().role());
            assertEquals(List.of("合作银行"), labels(provided.sources()));
            // sent to someone else, it stays a Share
            assertEquals(ActionConcept.SHARE, only("我们会向(合作银行)[发送]您的<授信额度>。").action());
        }

        @Test
        void aPlaceTheDataIsSentTowardIsItsRecipient() {
            DataPractice p = only("经您单独同意后，我们会向(境外)[传输]您的<行程记录>。");
            assertEquals(List.of("境外"), labels(p.recipients()));
            assertTrue(p.storedIn().isEmpty(), p::toString);
            assertTrue(p.crossBorder());
        }

        @Test
        void theTargetOfOneMarkedVerbIsNotAnnouncedToTheOthers() {
            List<DataPractice> ps = extract("我们会将<订单号>[共享]给(物流公司)，并将<收件地址>[提供]给负责派送的(快递员)。").practices();
            assertEquals(List.of(List.of("物流公司"), List.of("快递员")), ps.stream().map(p -> labels(p.recipients())).toList());
        }

        @Test
        void aPlaceIsWhereDataIsKeptNeverAnActor() {
            DataPractice p = only("您的<照片>会[存储]在我们的(服务器)中。");
            assertEquals(Party.Role.FIRST_PARTY, p.actor().role());
            assertEquals(List.of("服务器"), labels(p.storedIn()));
        }
    }

    @Nested
    class NegationAndConsent {
        @Test
        void aNegationCueBeforeTheActionNegatesIt() {
            assertTrue(only("我们不会向任何第三方[出售]您的<个人信息>。").negated());
            assertTrue(only("我们不[保存]您的<人脸图像>。").negated());
        }

        @Test
        void actionsJoinedToANegatedOneAreNegatedToo() {
            assertTrue(extract("我们不会[出售]或[出借]您的<个人信息>。").practices().stream().allMatch(DataPractice::negated));
        }

        @Test
        void anotherVerbBetweenCueAndActionBlocksIt() {
            assertFalse(only("这不会影响我们[使用]<A>。").negated());
            assertFalse(only("不仅如此，我们会[收集]<A>。").negated());
        }

        @Test
        void aCueInAnotherCommaPartDoesNotCount() {
            assertFalse(only("如果您不同意，我们会[删除]<A>。").negated());
        }

        @Test
        void consentConditions() {
            DataPractice p = only("(我们)会在获得您的同意后，[记录]您的<地理位置信息>。");
            assertTrue(p.requiresConsent());
            assertFalse(p.requiresSeparateConsent());
            assertTrue(only("在获得您的单独同意后，我们会[采集]<人脸图像>。").requiresSeparateConsent());
            assertTrue(only("经监护人同意，我们会[收集]<儿童信息>。").requiresConsent());
        }

        @Test
        void noConsentNeededIsNotAConsentCondition() {
            assertFalse(only("以下情形我们[收集]<个人信息>无需征得您的授权同意。").requiresConsent());
        }

        @Test
        void withoutConsentWeWillNotMeansOnlyWithConsent() {
            DataPractice transfer = only("未经您的同意，我们不会向第三方[转让]您的<个人信息>。");
            assertFalse(transfer.negated());
            assertTrue(transfer.requiresConsent());
            assertFalse(transfer.requiresSeparateConsent());
            DataPractice share = only("未经您的单独同意，我们不会向第三方[共享]您的<健康数据>。");
            assertFalse(share.negated());
            assertTrue(share.requiresSeparateConsent());
        }

        @Test
        void unlessOtherwiseIsACondition() {
            DataPractice disclose = only("除非获得您的单独同意或法律法规另有规定，否则我们不会[公开披露]您的<个人信息>。");
            assertFalse(disclose.negated());
            assertTrue(disclose.requiresConsent());
            assertTrue(disclose.requiresSeparateConsent());
            assertFalse(only("我们的工作人员不会[访问]您的<视频内容>，除非您主动授权我们查看。").negated());
        }

        @Test
        void unlessAfterActionsJoinedByAConnectiveIsAConditionOnEach() {
            List<DataPractice> ps = extract("我们不会[出售]或[出租]您的<通讯录>，除非事先取得您的单独同意。").practices();
            assertEquals(2, ps.size(), ps::toString);
            for (DataPractice p : ps) {
                assertFalse(p.negated(), p::toString);
                assertTrue(p.requiresSeparateConsent(), p::toString);
            }
            // an action of its own comma-part between them keeps the first a plain negation
            List<DataPractice> apart = extract("我们不会[出售]您的<通讯录>，也不会[出租]您的<相册>，除非事先取得您的单独同意。").practices();
            assertEquals(List.of(true, false), apart.stream().map(DataPractice::negated).toList());
        }

        @Test
        void aConditionReachesOnlyTheActionsItQualifies() {
            List<DataPractice> ps = extract("我们绝不会[出售]您的<个人信息>，亦不会未经您同意与第三方[共享]您的<订单信息>。").practices();
            assertEquals(List.of(true, false), ps.stream().map(DataPractice::negated).toList());
        }

        @Test
        void practicesListedAfterTheExceptionsIntroductionAreExceptions() {
            List<DataPractice> ps = extract("""
                    我们不会向任何第三方[共享]您的<个人信息>，但以下情形除外：
                    （1）经您的单独同意，我们会与(教育合作方)[共享]您的<学习进度>；
                    - 根据法律法规的要求，我们会向(主管部门)[提供]<实名认证结果>。
                    我们会[删除]您的<聊天记录>。
                    """).practices();
            assertEquals(List.of(true, false, false, false), ps.stream().map(DataPractice::negated).toList());
            assertEquals(List.of(false, true, true, false), ps.stream().map(DataPractice::exception).toList());
        }
    }

    @Nested
    class Hierarchy {
        static List<Broader> edges(String text) {
            return extract(text).hierarchy();
        }

        @Test
        void itemsInAParenthesisAreChildren() {
            assertEquals(List.of(new Broader("头像", "账户信息"), new Broader("昵称", "账户信息")),
                    edges("我们[获取]<账户信息>（<头像>、<昵称>）。"));
        }

        @Test
        void dengCollectsTheItemsBeforeItBackToJi() {
            List<Broader> e = edges("[收集]<位置相关信息>（例如<IP地址>、<GPS位置>以及能够提供信息的<Wi-Fi>、<蓝牙>和<基站>等<传感器信息>）。");
            assertTrue(e.contains(new Broader("IP地址", "位置相关信息")));
            assertTrue(e.contains(new Broader("GPS位置", "位置相关信息")));
            assertTrue(e.contains(new Broader("Wi-Fi", "传感器信息")));
            assertTrue(e.contains(new Broader("基站", "传感器信息")));
            assertTrue(e.contains(new Broader("传感器信息", "位置相关信息")));
            assertEquals(5 + 1, e.size(), e::toString);
        }

        @Test
        void aSentenceStartingWithLiRuListsChildrenOfTheLastItemBefore() {
            List<Broader> e = edges("我们会[收集]您的<使用情况>。例如您的<搜索内容>、<IP地址>等。");
            assertEquals(List.of(new Broader("搜索内容", "使用情况"), new Broader("IP地址", "使用情况")), e);
        }

        @Test
        void leadInParagraphsAfterAListIntroduction() {
            List<Broader> e = edges(String.join("\n", "我们会[收集]<使用信息>，这些信息包括：",
                    "<设备信息>：我们会[记录]<设备型号>。", "<日志信息>：我们会[收集]<访问时间>。", "其他内容。"));
            assertTrue(e.contains(new Broader("设备信息", "使用信息")));
            assertTrue(e.contains(new Broader("日志信息", "使用信息")));
            assertTrue(e.contains(new Broader("设备型号", "设备信息")));
            assertTrue(e.contains(new Broader("访问时间", "日志信息")));
            assertEquals(4, e.size(), e::toString);
        }
    }

    @Nested
    class Sensitivity {
        @Test
        void anItemWrittenWithoutAMarkCanBeDeclared() {
            assertEquals(List.of("手机号码"), extract("您需要[提供]<手机号码>。手机号码属于敏感信息。").sensitive());
        }

        @Test
        void anaphoraReferToTheSentenceBefore() {
            assertEquals(List.of("地理位置信息"),
                    extract("我们会[记录]您的<地理位置信息>。该信息属于敏感信息。").sensitive());
        }

        @Test
        void aQualifiedAnaphorPicksTheMatchingItems() {
            assertEquals(List.of("精确位置信息"),
                    extract("我们会[收集]<出发地>和<精确位置信息>。上述位置信息属于敏感个人信息。").sensitive());
        }

        @Test
        void markedItemsOfTheDeclaringClause() {
            assertEquals(List.of("人脸图像", "指纹"), extract("您的<人脸图像>、<指纹>是敏感个人信息。").sensitive());
        }
    }

    @Nested
    class WriterHabits {
        @Test
        void aClauseOfPurposesOnlyServesThePracticesBeforeIt() {
            List<DataPractice> ps = extract("我司[收集、使用]<订单信息>；用于{订单管理}。").practices();
            assertTrue(ps.stream().allMatch(p -> p.purposes().equals(List.of("订单管理"))), ps::toString);
        }

        @Test
        void verbsAndCuesInsideAnAdverbialFrameDoNotBlockNegation() {
            assertTrue(only("亦不会在未取得您同意的情况下与第三方[共享]您的<个人信息>。").negated());
        }

        @Test
        void wordsThatOnlyLookNegativeDoNotNegate() {
            assertFalse(only("本公司的网络将不可避免地[获取]<基站位置信息>。").negated());
        }

        @Test
        void anEntityAfterEntrustingWordsIsNoSubject() {
            DataPractice p = only("本公司会委托经本公司审核的(第三方装维服务商)[处理]您的<装机地址>。");
            assertEquals(Party.Role.FIRST_PARTY, p.actor().role());
            assertEquals(List.of("第三方装维服务商"), labels(p.recipients()));
        }

        @Test
        void aListIntroducedByBaokuoAfterAnItemGivesChildren() {
            List<Broader> e = extract("我们会[收集]您的<设备信息>，包括但不限于<设备型号>、<IMEI>。").hierarchy();
            assertEquals(List.of(new Broader("设备型号", "设备信息"), new Broader("IMEI", "设备信息")), e);
        }

        @Test
        void bulletedLeadInsWork() {
            List<Broader> e = extract("我们会[收集]<运行数据>，这些信息包括：\n- <状态信息>：<电量>和<在线状态>等。").hierarchy();
            assertTrue(e.contains(new Broader("状态信息", "运行数据")), e::toString);
            assertTrue(e.contains(new Broader("电量", "状态信息")), e::toString);
        }

        @Test
        void everyQualifierOfACoordinatedAnaphorCounts() {
            assertEquals(List.of("证件号码", "现场人像照片"),
                    extract("您需[提供]<姓名>、<证件号码>和<现场人像照片>。上述证件信息和人像信息为敏感个人信息。").sensitive());
        }

        @Test
        void familyMembersAreARecipient() {
            assertEquals(List.of("已加入家庭的成员"), labels(only("我们会与已加入家庭的成员[共享]您的<设备列表>。").recipients()));
        }

        @Test
        void anActionWithNoObjectAfterACommaTakesTheOneBefore() {
            List<DataPractice> ps = extract("我们会[记录]您的<聊天记录>，并[存储]于(境内服务器)。").practices();
            assertEquals(List.of("聊天记录"), ps.get(1).data());
            assertEquals(List.of("境内服务器"), labels(ps.get(1).storedIn()));
        }

        @Test
        void anItemModifiedByAnActionIsAlsoTheObjectOfTheMainAction() {
            List<DataPractice> ps = extract("我司委托(客服服务商)[处理]您[提交]的<咨询内容>和<订单号>。").practices();
            assertEquals(List.of("咨询内容", "订单号"), ps.get(0).data());
            assertEquals(List.of("客服服务商"), labels(ps.get(0).recipients()));
        }

        @Test
        void aPronounRecipientIsThePartyJustNamed() {
            DataPractice p = only("救援服务由(安途救援有限公司)提供，本公司会向其[发送]您的<实时位置>。");
            assertEquals(List.of("安途救援有限公司"), labels(p.recipients()));
        }

        @Test
        void everyPartyAfterGeiIsARecipient() {
            assertEquals(List.of("航空公司", "中国民航信息网络股份有限公司"),
                    labels(only("我司会将<乘机人信息>[提供]给(航空公司)及(中国民航信息网络股份有限公司)。").recipients()));
        }

        @Test
        void aPartyNameOpeningAParagraphIsItsSubject() {
            DataPractice p = only("- 友盟统计SDK：用于{统计}，会收集<设备型号>。");
            assertEquals(new Party(Party.Role.THIRD_PARTY, "友盟统计SDK"), p.actor());
        }

        @Test
        void aVerbModifyingAPartyNounIsPartOfTheName() {
            assertEquals(List.of("第三方语音识别服务商"),
                    labels(only("本公司委托第三方语音识别服务商对<语音指令>进行[转写]。").recipients()));
        }

        @Test
        void showingToAnotherPartyIsDisclosure() {
            assertEquals(ActionConcept.DISCLOSE, only("我们会向合作方[展示]您的<简历>。").action());
        }

        @Test
        void negatingACausativeNegatesTheAction() {
            assertTrue(only("我们不会让广告主[获取]你的<观看记录>。").negated());
        }
    }
}
