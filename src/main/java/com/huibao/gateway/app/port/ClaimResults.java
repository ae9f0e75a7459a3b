package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.benefit.UnpaidReason;
import com.huibao.gateway.domain.money.Money;
import java.util.Map;

/** Reads what a stored claim result (the adjudication of one policy, as stored with the claim) left unpaid. */
public interface ClaimResults {
    /** Its line outcomes' unpaid amounts summed by reason, in the order the reasons first appear. */
    Map<UnpaidReason, Money> unpaidByReason(String storedResult);
}
