package io.ucell.modem.bringup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.at.framing.AtLine;
import io.ucell.modem.PdpContextStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The app note's section-2 lines (+CGDCONT?, +UUPSDA, +UMNOPROF) through the bring-up's parsers. */
class BringUpSpecLinesTest {

    static Stream<Arguments> contextLines() {
        return Stream.of(
                // 2.3 (LTE and GPRS tables): an IPv4 context with ten parameters
                Arguments.of("+CGDCONT: 1,\"IP\",\"apn_name\",\"100.108.232.233\",0,0,0,0,0,0",
                        new PdpContextStatus(1, "apn_name", "IP", "100.108.232.233", "", true)),
                // 4.1.5: eight parameters
                Arguments.of("+CGDCONT: 1,\"IP\",\"APN1\",\"166.130.71.189\",0,0,0,0",
                        new PdpContextStatus(1, "APN1", "IP", "166.130.71.189", "", true)),
                // 4.1.5: IPv4 and IPv6 (dotted) in one field
                Arguments.of("+CGDCONT: 2,\"IPV4V6\",\"APN2\",\"10.117.32.103 38.0.3.128.178.65.129.209.0.0.0.74.87.68.176.1\",0,0,0,0",
                        new PdpContextStatus(2, "APN2", "IPV4V6", "10.117.32.103",
                                "38.0.3.128.178.65.129.209.0.0.0.74.87.68.176.1", true)),
                // 2.3: defined, no address yet
                Arguments.of("+CGDCONT: 1,\"IPV4V6\",\"apn_name\",\"\",0,0,0,0,0,0",
                        new PdpContextStatus(1, "apn_name", "IPV4V6", "", "", false)),
                Arguments.of("+CGDCONT: 1,\"IPV4V6\",\"apn_name\",\"0.0.0.0\",0,0",
                        new PdpContextStatus(1, "apn_name", "IPV4V6", "", "", false)),
                // spaces after the commas
                Arguments.of("+CGDCONT: 1, \"IP\", \"apn_name\", \"100.108.232.233\", 0, 0",
                        new PdpContextStatus(1, "apn_name", "IP", "100.108.232.233", "", true)));
    }

    @ParameterizedTest
    @MethodSource("contextLines")
    void cgdcontLine(String line, PdpContextStatus expected) {
        assertEquals(expected, BringUp.context(AtLine.of(line), expected.cid(), Set.of()));
    }

    static Stream<Arguments> upsdaLines() {
        return Stream.of(
                // 2.3 SARA-R5 00B/01B
                Arguments.of("+UUPSDA: 0,\"100.108.232.233\"", 0, Optional.of("100.108.232.233")),
                Arguments.of("+UUPSDA: 0, \"100.108.232.233\"", 0, Optional.of("100.108.232.233")),
                Arguments.of("+UUPSDA: 0", 0, Optional.of("")),
                Arguments.of("+UUPSDA: 1,\"100.108.232.233\"", 0, Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("upsdaLines")
    void upsdaLine(String line, int profile, Optional<String> expected) {
        assertEquals(expected, BringUp.upsdaAddress(AtLine.of(line), profile));
    }

    @Test
    void mnoProfileLines() {
        // 2.3: "+UMNOPROF: 100"
        assertEquals(100, AtLine.of("+UMNOPROF: 100").intParam(0));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 100), BringUp.parseRangeList("+UMNOPROF: (0,1,2-6,100)"));
        assertEquals(List.of(0, 1, 100), BringUp.parseRangeList("+UMNOPROF: (0, 1, 100)"));
    }
}
