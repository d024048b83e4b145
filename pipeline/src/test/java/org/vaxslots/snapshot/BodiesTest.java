package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ids the crawler takes from the state and district lists, read with the streaming parser. */
class BodiesTest {
    private static List<Integer> ids(String body, String list, String id) throws IOException {
        return Bodies.ids(body.getBytes(StandardCharsets.UTF_8), list, id);
    }

    @Test
    void realStatesList_givesEveryStateInTheListsOrder() throws IOException {
        byte[] array;
        try (InputStream in = getClass().getResourceAsStream(
                "/org/vaxslots/samples/cowin/states_2021-07-12_priyankagupta34.array.json")) {
            array = in.readAllBytes();
        }
        // The sample was saved as the bare list; the API wrapped it as {"states":[...],"ttl":24}.
        String wrapped = "{\"states\":" + new String(array, StandardCharsets.UTF_8) + ",\"ttl\":24}";
        // In the list's own order: Ladakh (37) comes after Daman and Diu (8), as Co-WIN sent it.
        List<Integer> expected = new java.util.ArrayList<>(IntStream.rangeClosed(1, 36).boxed().toList());
        expected.add(8, 37);
        assertEquals(expected, ids(wrapped, "states", "state_id"));
        assertEquals(List.of(), Bodies.ids(array, "states", "state_id"), "a bare list is not the API's shape");
    }

    @Test
    void otherFieldsAndOddElements_areSkipped() throws IOException {
        String body = "{\"ttl\":24,\"meta\":{\"districts\":[{\"district_id\":999}]},\"districts\":["
                + "{\"district_name\":\"A\",\"district_id\":395,\"extra\":{\"district_id\":7}},"
                + "{\"district_id\":\"396\"},{\"district_id\":3.5},{\"district_id\":99999999999},[1],5,null,"
                + "{\"district_name\":\"no id\"},{\"district_id\":-1}]}";
        assertEquals(List.of(395, -1), ids(body, "districts", "district_id"));
    }

    @Test
    void noList_givesNoIds() throws IOException {
        assertEquals(List.of(), ids("{\"districts\":{}}", "districts", "district_id"));
        assertEquals(List.of(), ids("{}", "districts", "district_id"));
        assertEquals(List.of(), ids("\"districts\"", "districts", "district_id"));
    }
}
