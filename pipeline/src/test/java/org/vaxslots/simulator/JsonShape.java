package org.vaxslots.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of a list of JSON objects: each distinct key order seen, and the set of JSON types
 * seen per key ("int", "float", "string", "bool", "array", "object", "null"); for arrays also
 * the element types under "key[]".
 */
record JsonShape(Set<List<String>> keyOrders, Map<String, Set<String>> types) {

    static JsonShape of(Iterable<JsonNode> objects) {
        Set<List<String>> orders = new java.util.HashSet<>();
        Map<String, Set<String>> types = new TreeMap<>();
        for (JsonNode o : objects) {
            List<String> keys = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                keys.add(e.getKey());
                types.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(type(e.getValue()));
                if (e.getValue().isArray()) {
                    for (JsonNode el : e.getValue()) {
                        types.computeIfAbsent(e.getKey() + "[]", k -> new TreeSet<>()).add(type(el));
                    }
                }
            }
            orders.add(keys);
        }
        return new JsonShape(orders, types);
    }

    /** This shape with one more type for a key it has, from {@code "key=type"}; unchanged for null or a key it lacks. */
    JsonShape withType(String keyEqualsType) {
        if (keyEqualsType == null) {
            return this;
        }
        String[] kv = keyEqualsType.split("=", 2);
        if (!types.containsKey(kv[0])) {
            return this;
        }
        Map<String, Set<String>> more = new TreeMap<>();
        types.forEach((k, v) -> more.put(k, new TreeSet<>(v)));
        more.get(kv[0]).add(kv[1]);
        return new JsonShape(keyOrders, more);
    }

    Set<String> keys() {
        Set<String> all = new TreeSet<>();
        keyOrders.forEach(all::addAll);
        return all;
    }

    static String type(JsonNode n) {
        if (n.isIntegralNumber()) {
            return "int";
        }
        if (n.isNumber()) {
            return "float";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isBoolean()) {
            return "bool";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isObject()) {
            return "object";
        }
        return "null";
    }
}
