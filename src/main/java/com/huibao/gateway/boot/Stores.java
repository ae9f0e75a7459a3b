package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.pg.PgAccessLog;
import com.huibao.gateway.adapter.pg.PgAccumulatorStore;
import com.huibao.gateway.adapter.pg.PgCatalogStore;
import com.huibao.gateway.adapter.pg.PgClaimStore;
import com.huibao.gateway.adapter.pg.PgConsentStore;
import com.huibao.gateway.adapter.pg.PgDirectSettlementStore;
import com.huibao.gateway.adapter.pg.PgInsurerCatalogStore;
import com.huibao.gateway.adapter.pg.PgOutboxQueue;
import com.huibao.gateway.adapter.pg.PgPatientStore;
import com.huibao.gateway.adapter.pg.PgPeriodActivityStore;
import com.huibao.gateway.adapter.pg.PgPolicyStore;
import com.huibao.gateway.adapter.pg.PgPreAuthStore;
import com.huibao.gateway.adapter.pg.PgReferenceData;
import com.huibao.gateway.adapter.pg.PgRemittanceStore;
import com.huibao.gateway.adapter.pg.PgReplayGuard;
import com.huibao.gateway.adapter.pg.PgSettlementStore;
import com.huibao.gateway.adapter.pg.PgTransactions;
import com.huibao.gateway.adapter.pg.PgWebhookStore;
import com.huibao.gateway.crypto.PiiProtector;
import io.vertx.sqlclient.Pool;
import java.time.ZoneId;

/** Every store on the one pool, each built once. */
record Stores(
        PgCatalogStore catalog,
        PgAccessLog accessLog,
        PgPolicyStore policies,
        PgAccumulatorStore accumulators,
        PgConsentStore consents,
        PgDirectSettlementStore directSettlements,
        PgInsurerCatalogStore insurerCatalog,
        PgClaimStore claims,
        PgSettlementStore settlements,
        PgPatientStore patients,
        PgWebhookStore webhooks,
        PgOutboxQueue outbox,
        PgReplayGuard replays,
        PgReferenceData referenceData,
        PgTransactions transactions,
        PgPreAuthStore preAuthorizations,
        PgRemittanceStore remittances,
        PgPeriodActivityStore periods) {

    /** How long the plan and list catalogue is trusted before a cheap check for newer versions. */
    private static final long CATALOG_CHECK_MILLIS = 1000;

    static Stores on(Pool pool, PiiProtector pii, ZoneId settlementZone) {
        PgCatalogStore catalog = new PgCatalogStore(pool, CATALOG_CHECK_MILLIS, System::currentTimeMillis);
        return new Stores(
                catalog,
                new PgAccessLog(pool),
                new PgPolicyStore(pool),
                new PgAccumulatorStore(pool),
                new PgConsentStore(pool),
                new PgDirectSettlementStore(pool, settlementZone),
                new PgInsurerCatalogStore(pool, pii, catalog),
                new PgClaimStore(pool, pii, settlementZone),
                new PgSettlementStore(pool, pii),
                new PgPatientStore(pool),
                new PgWebhookStore(pool),
                new PgOutboxQueue(pool),
                new PgReplayGuard(pool),
                new PgReferenceData(pool, pii),
                new PgTransactions(pool, pii),
                new PgPreAuthStore(pool),
                new PgRemittanceStore(pool),
                new PgPeriodActivityStore(pool));
    }
}
