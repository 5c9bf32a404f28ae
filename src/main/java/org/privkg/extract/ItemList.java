package org.privkg.extract;

import java.util.List;

/**
 * A data mark read as the items it names: one member for a plain mark, several for a mark that
 * enumerates items ({@code <头像、昵称、密码>}).
 *
 * @param members  the items the mark's practice names, in text order
 * @param children items a parenthesis inside a member lists, each a kind or part of that member
 * @param altNames another name a member is given in a parenthesis ({@code 国际移动设备识别码（IMEI）})
 * @param steps    what was done to the mark's label, for {@code --explain}; empty when nothing was
 */
public record ItemList(List<String> members, List<Broader> children, List<AltName> altNames, List<String> steps) {
    /** Another name of a data item, written in the policy ({@code skos:altLabel}). */
    public record AltName(String item, String name) {
    }

    static ItemList single(String label) {
        return new ItemList(List.of(label), List.of(), List.of(), List.of());
    }

    boolean isSplit() {
        return !steps.isEmpty();
    }

    /** The member a parenthesis or list after the mark attaches to: the one written last. */
    String last() {
        return members.get(members.size() - 1);
    }
}
