package gov.keyproject.promotion.deal;

import java.util.regex.Pattern;

/** A contact person (联系人) at the company: name and phone (mobile or landline, e.g. 0531-88886666). */
public record Contact(String name, String phone) {

    /** Optional leading +, then digits, spaces or dashes; 7–20 characters. */
    public static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");

    Contact validated(String prefix) {
        String n = Texts.required(prefix + ".name", name, 50);
        String p = Texts.required(prefix + ".phone", phone, 20);
        if (!PHONE.matcher(p).matches()) {
            throw new DealRuleViolation(prefix + ".phone", "电话号码格式不正确");
        }
        return new Contact(n, p);
    }
}
