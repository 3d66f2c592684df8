package org.proposals.reply.service;

import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.kit.time.CityClock;
import org.proposals.reply.ContactRecord;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.ReplyContent;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule can be switched off where local rules do not ask for it, and then passes whatever the reply says. */
class ReplyQualityGateTest {

    @Test
    void aRuleSwitchedOffPassesAndSaysSo() {
        ReplyContent empty = new ReplyContent(null, "已收悉。", null, null, null, null);
        Map<QualityRule, QualityCheck> strict = checks(gate(true), empty);
        assertEquals(List.of(QualityRule.MIN_LENGTH, QualityRule.SUBSTANCE, QualityRule.CATEGORY, QualityRule.POINTS_ANSWERED,
                        QualityRule.CONTACT),
                strict.values().stream().filter(c -> !c.passed()).map(QualityCheck::rule).toList());

        Map<QualityRule, QualityCheck> lenient = checks(gate(false), empty);
        assertTrue(lenient.values().stream().allMatch(QualityCheck::passed));
        assertFalse(lenient.get(QualityRule.CONTACT).enabled());
        assertEquals("switched off by configuration", lenient.get(QualityRule.MIN_LENGTH).explanation());
        // the wait for co-handling opinions is the regulation itself: it cannot be switched off
        assertTrue(lenient.get(QualityRule.OPINIONS_COMPLETE).enabled());
    }

    @Test
    void setPhrasesDoNotCountAsSubstanceWhateverTheirOrderInTheList() {
        List<String> phrases = List.of("研究", "经认真研究", "此复");
        assertEquals(4, ReplyQualityGate.substance("经认真研究，已建平台。此复", phrases));
    }

    private static Map<QualityRule, QualityCheck> checks(ReplyQualityGate gate, ReplyContent content) {
        HandlingCase handlingCase = new HandlingCase();
        handlingCase.id = UUID.randomUUID();
        handlingCase.handlingType = HandlingType.SOLE;
        return gate.check(handlingCase, content).stream().collect(Collectors.toMap(QualityCheck::rule, c -> c,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static ReplyQualityGate gate(boolean rulesOn) {
        ReplyQualityGate gate = new ReplyQualityGate();
        gate.clock = new CityClock(ZoneId.of("Asia/Shanghai"));
        gate.opinions = new OpinionService() {
            @Override
            public List<ExpectedOpinion> expectedFor(HandlingCase leadCase) {
                return List.of();
            }
        };
        gate.contacts = new ContactService() {
            @Override
            public List<ContactRecord> contactsOf(UUID caseId) {
                return List.of();
            }
        };
        gate.config = new ReplyConfig() {
            @Override
            public Quality quality() {
                return new Quality() {
                    @Override
                    public int minLength() {
                        return 200;
                    }

                    @Override
                    public int minSubstance() {
                        return 100;
                    }

                    @Override
                    public List<String> boilerplate() {
                        return List.of("经研究");
                    }

                    @Override
                    public Rules rules() {
                        return new Rules() {
                            public boolean minLength() {
                                return rulesOn;
                            }

                            public boolean substance() {
                                return rulesOn;
                            }

                            public boolean category() {
                                return rulesOn;
                            }

                            public boolean pointsAnswered() {
                                return rulesOn;
                            }

                            public boolean opinionsReflected() {
                                return rulesOn;
                            }

                            public boolean contact() {
                                return rulesOn;
                            }
                        };
                    }
                };
            }

            @Override
            public Consultation consultation() {
                return () -> 5;
            }
        };
        return gate;
    }

}
