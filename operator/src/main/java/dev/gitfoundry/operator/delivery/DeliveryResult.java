package dev.gitfoundry.operator.delivery;

/** What a delivery did: its plan, and how many objects it wrote, left alone and deleted. */
public record DeliveryResult(Plan plan, int written, long unchanged, int pruned) {}
