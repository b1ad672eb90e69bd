package org.pourparler.io.genius;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a parsed XML file: its name, attributes, child elements and the line it starts
 * on, so that every later error can say where. Text content is dropped: GENIUS files keep all their
 * data in attributes.
 */
final class XmlElement {
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlElement> children = new ArrayList<>();
    private final List<XmlElement> readOnlyChildren = Collections.unmodifiableList(children);
    private final int line;

    XmlElement(String name, Map<String, String> attributes, int line) {
        this.name = name;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.line = line;
    }

    /** Called by the parser only, while the tree is built. */
    void add(XmlElement child) {
        children.add(child);
    }

    String name() { return name; }

    int line() { return line; }

    Map<String, String> attributes() { return attributes; }

    /** The attribute's value, or null when absent. */
    String attr(String attribute) { return attributes.get(attribute); }

    boolean has(String attribute) { return attributes.containsKey(attribute); }

    List<XmlElement> children() { return readOnlyChildren; }

    /** The direct children with this name, in document order. */
    List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) if (c.name.equals(childName)) out.add(c);
        return out;
    }

    /** The first direct child with this name, or null. */
    XmlElement child(String childName) {
        for (XmlElement c : children) if (c.name.equals(childName)) return c;
        return null;
    }

    /** The first element with this name below this one (depth first, document order), or null. */
    XmlElement descendant(String descendantName) {
        for (XmlElement c : children) {
            if (c.name.equals(descendantName)) return c;
            XmlElement d = c.descendant(descendantName);
            if (d != null) return d;
        }
        return null;
    }

    /** All elements with this name below this one, in document order. */
    List<XmlElement> descendants(String descendantName) {
        List<XmlElement> out = new ArrayList<>();
        collect(descendantName, out);
        return out;
    }

    private void collect(String descendantName, List<XmlElement> out) {
        for (XmlElement c : children) {
            if (c.name.equals(descendantName)) out.add(c);
            c.collect(descendantName, out);
        }
    }

    /** Where this element is, for messages: {@code line 12, <issue name="price">}. */
    String where() {
        StringBuilder b = new StringBuilder("line ").append(line).append(", <").append(name);
        String n = attributes.get("name");
        if (n != null) b.append(" name=\"").append(n).append('"');
        else if (attributes.containsKey("index")) b.append(" index=\"").append(attributes.get("index")).append('"');
        return b.append('>').toString();
    }

    @Override public String toString() { return where(); }
}
