package com.huibao.gateway.app.port;

/** One published version of a plan: what a claim was adjudicated under ({@code claims.plan_version}). */
public record PlanVersion(String planId, int version) {}
