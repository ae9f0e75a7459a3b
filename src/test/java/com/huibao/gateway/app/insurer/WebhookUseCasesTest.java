package com.huibao.gateway.app.insurer;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.INSURER_HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.INSURER_PMI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.WebhookStore;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An insurer's webhook: registration, its events, a replay of a parked one, against in-memory stores. */
class WebhookUseCasesTest {
    private final UseCaseWorld world = new UseCaseWorld();

    @Test
    void a_registration_takes_an_absolute_http_url_and_sm2_only_where_a_key_is_configured() {
        RegisterWebhookUseCase withoutSm2 = new RegisterWebhookUseCase(world.db.webhookStore(), world.clock, false);

        await(withoutSm2.execute(INSURER_HMB, "https://hmb.example/hook", "ES256"));
        assertThat(world.db.webhookOf("INS-HMB"))
                .get()
                .satisfies(w -> assertThat(w).containsExactly("https://hmb.example/hook", "ES256"));
        assertThatThrownBy(() -> await(withoutSm2.execute(INSURER_HMB, "/relative", "ES256")))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("url"));
        assertThatThrownBy(() -> await(withoutSm2.execute(INSURER_HMB, "https://hmb.example/hook", "SM2SM3")))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("ALG_NOT_AVAILABLE"));
        await(new RegisterWebhookUseCase(world.db.webhookStore(), world.clock, true)
                .execute(INSURER_HMB, "https://hmb.example/hook", "SM2SM3"));
        assertThat(world.db.webhookOf("INS-HMB").orElseThrow()[1]).isEqualTo("SM2SM3");
    }

    @Test
    void a_parked_event_of_the_insurer_is_replayed_and_anything_else_is_not_found() {
        UUID parked = world.db.webhookEvent("INS-PMI", "PARKED");
        UUID delivered = world.db.webhookEvent("INS-PMI", "DELIVERED");
        ReplayWebhookEventUseCase replay = new ReplayWebhookEventUseCase(world.db.webhookStore());
        ListWebhookEventsUseCase events = new ListWebhookEventsUseCase(world.db.webhookStore());

        assertThatThrownBy(() -> await(replay.execute(INSURER_HMB, parked))).isInstanceOf(Failure.NotFound.class);
        assertThatThrownBy(() -> await(replay.execute(INSURER_PMI, delivered))).isInstanceOf(Failure.NotFound.class);
        await(replay.execute(INSURER_PMI, parked));

        assertThat(await(events.execute(INSURER_PMI, "PENDING", 10)))
                .extracting(WebhookStore.Event::id)
                .containsExactly(parked);
        assertThat(await(events.execute(INSURER_HMB, null, 10))).isEmpty();
    }
}
