package gov.keyproject.promotion.deal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The descriptive data of a deal (招商项目信息): company, industry, source, intended investment (意向投资额, 万元),
 * responsible unit (责任单位) and contacts.
 */
public record DealDetails(String company, String industry, DealSource source, BigDecimal intendedInvestment,
                          String unitCode, List<Contact> contacts) {

    public static final int MAX_CONTACTS = 10;

    /** Checks every rule and returns the normalized details (trimmed texts, amount at scale 2). */
    public DealDetails validated() {
        String c = Texts.required("company", company, 60);
        String i = Texts.required("industry", industry, 30);
        if (source == null) {
            throw new DealRuleViolation("source", "不能为空");
        }
        DealSource s = source.validated();
        BigDecimal amount = Texts.amount("intendedInvestment", intendedInvestment);
        String unit = Texts.required("unitCode", unitCode, 32);
        List<Contact> list = new ArrayList<>();
        if (contacts != null) {
            if (contacts.size() > MAX_CONTACTS) {
                throw new DealRuleViolation("contacts", "联系人最多 " + MAX_CONTACTS + " 个");
            }
            for (int k = 0; k < contacts.size(); k++) {
                Contact contact = contacts.get(k);
                if (contact == null) {
                    throw new DealRuleViolation("contacts[" + k + "]", "不能为空");
                }
                list.add(contact.validated("contacts[" + k + "]"));
            }
        }
        return new DealDetails(c, i, s, amount, unit, List.copyOf(list));
    }
}
