package gov.keyproject.assessment.supervision;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the daily sweep (每日巡查) just after midnight in the offices' time zone, and once when the service starts,
 * so deadlines that passed while it was down take effect.
 */
@Component
@EnableScheduling
class DailySweep {

    private final Supervisor supervisor;
    private final boolean atStart;

    DailySweep(Supervisor supervisor, gov.keyproject.assessment.standings.Tallies tallies,
               @org.springframework.beans.factory.annotation.Value("${keyproject.assessment.sweep-at-start:true}")
               boolean atStart) {
        this.supervisor = supervisor;
        // Tallies of an earlier form were dropped: only a sweep puts them back, so it runs whatever the setting.
        this.atStart = atStart || tallies.droppedEarlierForm();
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "${keyproject.zone:Asia/Shanghai}")
    void nightly() {
        supervisor.sweep();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (atStart) {
            Thread thread = new Thread(supervisor::sweep, "sweep-at-start");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
