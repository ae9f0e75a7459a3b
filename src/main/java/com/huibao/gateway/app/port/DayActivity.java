package com.huibao.gateway.app.port;

import java.util.List;

/** A hospital's direct-settlement events of one day, per settlement and per claim. */
public record DayActivity(List<SettlementEvent> settlements, List<StatementLine> claims) {}
