package org.learningcommunities.lifecycle.approvals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityService;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.EngineAsApplication;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The rules of {@link WorkPlanService}, without the database: who decides, on which
 * version, with which comments, and when a plan is approved.
 */
class WorkPlanServiceTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static final Community COMMUNITY = new Community(7L, "econ-dev-2026", "פיתוח כלכלי", "Economic development",
			"leader", "Ministry of Interior", "foundation", "ministry", LocalDate.of(2026, 9, 1), 35,
			Stage.ESTABLISHMENT, NOW);

	private static final WorkPlan PLAN = new WorkPlan(3L, 7L, 1, WorkPlan.Status.AWAITING_APPROVAL, null, null, NOW);

	private final CommunityService communities = mock(CommunityService.class);

	private final WorkPlanRepository repository = mock(WorkPlanRepository.class);

	private final WorkPlanMail mail = mock(WorkPlanMail.class);

	private final List<PlanVersion> versions = new ArrayList<>();

	private final List<PartnerDecision> decisions = new ArrayList<>();

	private WorkPlanService service;

	@BeforeEach
	void setUp() {
		given(this.communities.get(COMMUNITY.code())).willReturn(COMMUNITY);
		given(this.repository.find(7L, 1)).willReturn(Optional.of(PLAN));
		given(this.repository.versions(3L)).willReturn(this.versions);
		given(this.repository.decisions(3L)).willReturn(this.decisions);
		this.service = new WorkPlanService(this.communities, this.repository, mock(PartnerDirectory.class), this.mail,
				mock(TaskService.class), mock(RuntimeService.class), mock(EngineAsApplication.class),
				Clock.fixed(NOW, ZoneOffset.UTC));
		this.versions.add(version(1, "Venues: 45000"));
	}

	@Test
	void partnerApprovingTheVersionAwaitingDecisionsIsStored() {
		Map<String, Object> decision = this.service.decide(task("foundation", "foundation"),
				form("approve", 1, Map.of("budgetComment", "Keep the reserve")));

		assertThat(decision).containsExactly(Map.entry(WorkPlanApprovalProcess.CHANGES_REQUESTED, false));
		verify(this.repository).insertDecision(101L, "foundation", true, Map.of(Section.BUDGET, "Keep the reserve"),
				NOW);
		verify(this.repository, never()).updateStatus(anyLong(), any());
	}

	@Test
	void partnerAskingForChangesWithACommentSendsThePlanBack() {
		Map<String, Object> decision = this.service.decide(task("ministry", "ministry"),
				form("request-changes", 1, Map.of("goalsComment", "Add a target for the Arab sector")));

		assertThat(decision).containsExactly(Map.entry(WorkPlanApprovalProcess.CHANGES_REQUESTED, true));
		verify(this.repository).insertDecision(101L, "ministry", false,
				Map.of(Section.GOALS, "Add a target for the Arab sector"), NOW);
		verify(this.repository).updateStatus(3L, WorkPlan.Status.CHANGES_REQUESTED);
	}

	@Test
	void partnerApprovingAnOutdatedVersionIsRefusedWithAConflict() {
		this.versions.add(version(2, "Venues: 50000"));

		OutdatedVersionException refused = catchThrowableOfType(OutdatedVersionException.class,
				() -> this.service.decide(task("ministry", "ministry"), form("approve", 1, Map.of())));

		assertThat(refused.getStatus()).isEqualTo(Response.Status.CONFLICT);
		assertThat(refused).hasMessage("Version 1 of the work plan of year 1 of econ-dev-2026 is outdated: version 2"
				+ " is the one to decide on. Read version 2 and decide again.");
		verify(this.repository, never()).insertDecision(anyLong(), anyString(), anyBoolean(), any(), any());
	}

	@Test
	void requestForChangesWithoutACommentIsRefusedNamingTheCommentFields() {
		InvalidFormException refused = catchThrowableOfType(InvalidFormException.class, () -> this.service
			.decide(task("foundation", "foundation"), form("request-changes", 1, Map.of("goalsComment", "   "))));

		assertThat(refused.errors()).extracting(FieldError::field)
			.containsExactly("goalsComment", "meetingsComment", "workTeamsComment", "budgetComment");
		assertThat(refused).hasMessageContaining("asking for changes needs a comment on at least one section");
		verify(this.repository, never()).insertDecision(anyLong(), anyString(), anyBoolean(), any(), any());
	}

	@Test
	void onlyThePartnerOfTheTaskDecides() {
		assertThatThrownBy(() -> this.service.decide(task("manager", "ministry"), form("approve", 1, Map.of())))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("Only ministry can decide");
		assertThatThrownBy(() -> this.service.decide(task("stranger", "stranger"), form("approve", 1, Map.of())))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("does not represent a partner of community econ-dev-2026");
		verify(this.repository, never()).insertDecision(anyLong(), anyString(), anyBoolean(), any(), any());
	}

	@Test
	void planIsApprovedOnlyWhenBothPartnersApprovedTheLatestVersion() {
		// the foundation approved version 1, the ministry asked for changes; both decide
		// on version 2
		this.decisions.add(decision(101L, "foundation", true));
		this.decisions.add(decision(101L, "ministry", false));
		this.versions.add(version(2, "Venues: 50000"));
		this.decisions.add(decision(102L, "ministry", true));

		assertThat(this.service.approvedByBothPartners(COMMUNITY.code(), 1)).isFalse();
		verify(this.repository, never()).markApproved(anyLong(), anyInt(), any());

		this.decisions.add(decision(102L, "foundation", true));
		assertThat(this.service.approvedByBothPartners(COMMUNITY.code(), 1)).isTrue();
		verify(this.repository).markApproved(3L, 2, NOW);
	}

	@Test
	void partnersSeeWhatChangedSinceThePreviousVersion() {
		PlanVersion second = new PlanVersion(102L, 2, "Shared tools", "Ten joint projects", "Ten meetings", null,
				List.of(new BudgetLine("Venues", new BigDecimal("50000.00"))), new BigDecimal("50000.00"), "leader",
				NOW);
		this.versions.add(second);
		WorkPlanHistory history = new WorkPlanHistory(PLAN, this.versions, List.of(), List.of(), List.of());

		assertThat(WorkPlanService.changesText(history, this.versions.get(0))).isEqualTo("גרסה ראשונה · First version");
		assertThat(WorkPlanService.changesText(history, second))
			.isEqualTo("שינויים מגרסה 1 · Changed since version 1:\n• תקציב · Budget: 45000 → 50000\n"
					+ "  לפני · before: Venues: 45000");
	}

	@Test
	void overdueApprovalRemindsOnlyThePartnersWhoHaveNotDecided() {
		this.decisions.add(decision(101L, "foundation", true));

		this.service.remindPendingPartners(COMMUNITY.code(), 1);

		verify(this.mail).remind(eq("ministry"), eq(COMMUNITY), eq(1), eq(this.versions.get(0)),
				eq(LocalDate.of(2026, 12, 9)));
		verify(this.mail, never()).remind(eq("foundation"), any(), anyInt(), any(), any());
	}

	private static PlanVersion version(int number, String budget) {
		List<BudgetLine> lines = BudgetLines.parse(budget);
		return new PlanVersion(100L + number, number, "Shared tools", "Ten joint projects", "Ten meetings", null, lines,
				BudgetLines.total(lines), "leader", NOW);
	}

	private static PartnerDecision decision(long versionId, String partner, boolean approved) {
		return new PartnerDecision(versionId, partner, approved, Map.of(), NOW);
	}

	private static TaskContext task(String userId, String assignee) {
		return new TaskContext(COMMUNITY.code(), WorkPlanApprovalProcess.KEY, WorkPlanApprovalProcess.APPROVE_WORK_PLAN,
				userId, assignee, Map.of(WorkPlanApprovalProcess.PLAN_YEAR, 1L));
	}

	private static FormValues form(String decision, int version, Map<String, Object> comments) {
		Map<String, Object> values = new LinkedHashMap<>(comments);
		values.put("workPlanDecision", decision);
		values.put("planVersion", version);
		return new FormValues(values);
	}

}
