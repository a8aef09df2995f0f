package org.learningcommunities.lifecycle.community;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.learningcommunities.lifecycle.system.FormValues;

/**
 * An establishment step whose form is stored as one row per community: which form field
 * goes to which column, and back again when the step is revised.
 */
enum StepTable {

	SHARED_VISION("lc_shared_vision", Column.text("partnerOrganisations", "partner_organisations"),
			Column.decimal("agreedBudget", "agreed_budget"), Column.text("vision", "vision"),
			Column.text("responsibilities", "responsibilities"),
			Column.text("forumsAndRoutines", "forums_and_routines")),

	NEEDS_MAPPING("lc_needs_mapping", Column.text("dataSources", "data_sources"), Column.text("needs", "needs")),

	EVALUATION_PLAN("lc_evaluation_plan", Column.text("centralGovernment", "central_government"),
			Column.text("localAuthorities", "local_authorities"),
			Column.text("communityAndMembers", "community_and_members"),
			Column.text("organisationalEnvelope", "organisational_envelope"), Column.text("evaluator", "evaluator")),

	COMMUNITY_MIX("lc_community_mix", Column.text("targetRoles", "target_roles"),
			Column.integer("minSeniorityYears", "min_seniority_years"),
			Column.integer("minShareEachGenderPct", "min_share_each_gender_pct"), Column.list("sectors", "sectors"),
			Column.list("regions", "regions"), Column.text("notes", "notes"));

	private final String table;

	private final List<Column> columns;

	StepTable(String table, Column... columns) {
		this.table = table;
		this.columns = List.of(columns);
	}

	String table() {
		return this.table;
	}

	/** The submitted form as a row: column to value. */
	Map<String, Object> row(FormValues form) {
		Map<String, Object> row = new LinkedHashMap<>();
		this.columns.forEach((column) -> row.put(column.name(), column.kind().read(form, column.field())));
		return row;
	}

	/** A stored row as the form's values: field to value. */
	Map<String, Object> formValues(Map<String, Object> row) {
		Map<String, Object> values = new LinkedHashMap<>();
		this.columns.forEach((column) -> values.put(column.field(), column.kind().show(row.get(column.name()))));
		return values;
	}

	private record Column(String field, String name, Kind kind) {

		static Column text(String field, String name) {
			return new Column(field, name, Kind.TEXT);
		}

		static Column decimal(String field, String name) {
			return new Column(field, name, Kind.DECIMAL);
		}

		static Column integer(String field, String name) {
			return new Column(field, name, Kind.INTEGER);
		}

		/** A checklist, stored comma-separated (its values are kebab-case words). */
		static Column list(String field, String name) {
			return new Column(field, name, Kind.LIST);
		}

	}

	private enum Kind {

		TEXT, DECIMAL, INTEGER, LIST;

		Object read(FormValues form, String field) {
			return switch (this) {
				case TEXT -> form.text(field);
				case DECIMAL -> form.decimal(field);
				case INTEGER -> form.integer(field);
				case LIST -> String.join(",", form.list(field));
			};
		}

		Object show(Object stored) {
			if (stored == null) {
				return null;
			}
			return switch (this) {
				// form-js number fields want a JSON number, and the engine has no
				// BigDecimal variable type
				case DECIMAL -> ((BigDecimal) stored).doubleValue();
				case LIST -> Arrays.asList(stored.toString().split(","));
				default -> stored;
			};
		}

	}

}
