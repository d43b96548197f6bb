package gov.keyproject.console.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the live stream's filters see of an event: its unit and project, wherever the event names them. */
class EventDigestTest {

    private static LiveEvent digest(String topic, String json) {
        return EventDigest.of(1, new ConsumerRecord<>(topic, 0, 0L, "key", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNoticeEventIsFoundByItsProjectAndUnit() {
        LiveEvent e = digest("assessment.supervision-events.v1", """
                {"specversion":"1.0","id":"1","source":"/keyproject/assessment","subject":"P-1",
                 "type":"gov.keyproject.assessment.NoticeChanged.v1","time":"2026-07-01T01:00:00Z",
                 "data":{"notice":{"noticeId":"N-1","projectCode":"P-1","unitCode":"TS-01","status":"ACKNOWLEDGED"},
                         "step":{"action":"ACKNOWLEDGE"}}}""");
        assertThat(e.type()).isEqualTo("NoticeChanged");
        assertThat(e.project()).isEqualTo("P-1");
        assertThat(e.unit()).isEqualTo("TS-01");
        assertThat(e.matches(null, null, "P-1")).isTrue();
    }

    @Test
    void aReportIsFoundByTheProjectItNames() {
        LiveEvent e = digest("registry.project-events.v1", """
                {"specversion":"1.0","id":"2","source":"/keyproject/project-registry","subject":"P-2",
                 "type":"gov.keyproject.registry.ProgressReported.v1","time":"2026-07-01T01:00:00Z",
                 "data":{"projectCode":"P-2","unitCode":"TS-02","period":"2026-06"}}""");
        assertThat(e.project()).isEqualTo("P-2");
        assertThat(e.unit()).isEqualTo("TS-02");
    }
}
