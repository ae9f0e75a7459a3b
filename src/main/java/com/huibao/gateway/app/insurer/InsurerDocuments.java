package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.PlanValidator;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PUT/GET /v1/plans/{plan_id}} and {@code PUT/GET /v1/lists/{list_id}/versions/{version}}: an insurer
 * publishes and reads its own plans (every change a new version: claims keep the version they were computed with)
 * and coverage-list versions (immutable once published; windows of one list never overlap). Another insurer's ids
 * are not found.
 */
public final class InsurerDocuments {
  private final InsurerCatalogStore store;
  private final CatalogStore catalog;

  public InsurerDocuments(InsurerCatalogStore store, CatalogStore catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  public Future<InsurerCatalogStore.Published> publishPlan(Principal insurer, String planId, Plan plan,
      String document) {
    List<Violation> v = new ArrayList<>();
    if (!planId.equals(plan.planId())) {
      v.add(new Violation("plan_id", "ID_MISMATCH", "plan_id must equal the URL's " + planId));
    }
    if (!insurer.tenant().equals(plan.insurerId())) {
      v.add(new Violation("insurer_id", "NOT_YOUR_INSURER_ID", "insurer_id must be the caller's, " + insurer.tenant()));
    }
    return catalog.current().compose(c -> {
      java.util.function.Predicate<String> ownList = id -> insurer.tenant().equals(c.listOwners().get(id));
      v.addAll(PlanValidator.validate(plan, "", ownList));
      plan.editions().forEach((id, e) -> v.addAll(PlanValidator.validate(e, "editions." + id + ".", ownList)));
      if (!v.isEmpty()) {
        throw InvalidDocumentException.inconsistent(v);
      }
      return store.publishPlan(insurer.tenant(), planId, document).map(p -> p.orElseThrow(() -> planNotFound(planId)));
    });
  }

  public Future<InsurerCatalogStore.Published> plan(Principal insurer, String planId) {
    return store.plan(insurer.tenant(), planId).map(p -> p.orElseThrow(() -> planNotFound(planId)));
  }

  public Future<InsurerCatalogStore.Published> publishList(Principal insurer, String listId, String version,
      ListVersion list, String document) {
    List<Violation> v = new ArrayList<>();
    if (!listId.equals(list.listId())) {
      v.add(new Violation("list_id", "ID_MISMATCH", "list_id must equal the URL's " + listId));
    }
    if (!version.equals(list.version())) {
      v.add(new Violation("version", "ID_MISMATCH", "version must equal the URL's " + version));
    }
    if (!v.isEmpty()) {
      throw InvalidDocumentException.inconsistent(v);
    }
    return store.publishListVersion(insurer.tenant(), list, document)
        .map(p -> p.orElseThrow(() -> listNotFound(listId, version)));
  }

  public Future<InsurerCatalogStore.Published> list(Principal insurer, String listId, String version) {
    return store.listVersion(insurer.tenant(), listId, version)
        .map(p -> p.orElseThrow(() -> listNotFound(listId, version)));
  }

  private static Failure.NotFound planNotFound(String planId) {
    return new Failure.NotFound("PLAN_NOT_FOUND", "no plan " + planId + " of this insurer");
  }

  private static Failure.NotFound listNotFound(String listId, String version) {
    return new Failure.NotFound("LIST_VERSION_NOT_FOUND", "no version " + version + " of list " + listId
        + " of this insurer");
  }
}
