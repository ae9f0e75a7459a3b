package com.huibao.gateway.domain.validation;

/**
 * One broken rule of an input document: the JSON path of the offending field (e.g. {@code feedetail[2].cnt}), a
 * stable code and a human-readable detail.
 */
public record Violation(String field, String code, String detail) {}
