package org.learningcommunities.lifecycle.community;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.CommunityRepository.GateDecision;
import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.identity.People;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's registration, its stage and the project manager's stage gates. Called
 * from the lifecycle's delegates and listeners, inside the engine's transaction: a
 * refusal rolls back the engine's step too.
 */
@Service
@Transactional
public class CommunityService {

	private static final Logger log = LoggerFactory.getLogger(CommunityService.class);

	private static final int PRODUCT_TITLE_LENGTH = 200;

	private final CommunityRepository communities;

	private final StageDataRepository stageData;

	private final ProductRepository products;

	/**
	 * Looked up when a summary is written: the capabilities that suggest products depend
	 * on this service.
	 */
	private final ObjectProvider<ProductSuggestions> productSuggestions;

	private final ProductTypes productTypes;

	private final People people;

	/**
	 * Looked up when a gate opens: the capabilities that add lines depend on this
	 * service.
	 */
	private final ObjectProvider<StageSummaryLines> summaryLines;

	private final Clock clock;

	CommunityService(CommunityRepository communities, StageDataRepository stageData, ProductRepository products,
			ObjectProvider<ProductSuggestions> productSuggestions, ProductTypes productTypes, People people,
			ObjectProvider<StageSummaryLines> summaryLines, Clock clock) {
		this.productTypes = productTypes;
		this.communities = communities;
		this.stageData = stageData;
		this.products = products;
		this.productSuggestions = productSuggestions;
		this.people = people;
		this.summaryLines = summaryLines;
		this.clock = clock;
	}

	/**
	 * Registers a community from the lifecycle's start form (already checked against the
	 * form's own rules).
	 * @throws InvalidFormException naming each field that breaks a business rule; nothing
	 * is stored then
	 */
	public Community register(FormValues form) {
		String code = form.text("code");
		List<FieldError> errors = new ArrayList<>();
		if (this.communities.existsByCode(code)) {
			errors.add(new FieldError("code", "is already used by another community"));
		}
		requireMember(form.text("leader"), Groups.COMMUNITY_LEADERS, "leader", errors);
		requireMember(form.text("foundationRep"), Groups.PARTNERS, "foundationRep", errors);
		requireMember(form.text("ministryRep"), Groups.PARTNERS, "ministryRep", errors);
		if (form.text("foundationRep").equals(form.text("ministryRep"))) {
			errors.add(new FieldError("ministryRep", "must be another person than the foundation's representative"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		Community community = new Community(null, code, form.text("name"), form.text("professionalField"),
				form.text("leader"), form.text("professionalPartner"), form.text("foundationRep"),
				form.text("ministryRep"), form.date("plannedStart"), form.integer("targetSize"), Stage.ESTABLISHMENT,
				this.clock.instant());
		long id = this.communities.insert(community);
		log.info("Community {} registered", code);
		return this.communities.findByCode(code).orElseThrow(() -> new IllegalStateException("lost community " + id));
	}

	/**
	 * Lowers the community's target size for the reason given, keeping the change: a
	 * round of the call brought fewer members than planned, and the community goes on
	 * with fewer. The caller has checked the new size.
	 */
	public void lowerTargetSize(String code, int newSize, String reason, String userId) {
		Community community = get(code);
		this.communities.lowerTargetSize(community, newSize, reason, userId, this.clock.instant());
		log.info("Target size of community {} lowered from {} to {} in {}", code, community.targetSize(), newSize,
				community.stage());
	}

	private void requireMember(String userId, String group, String field, List<FieldError> errors) {
		if (!this.people.isMemberOf(userId, group)) {
			errors.add(new FieldError(field, "must be the id of a user in the group " + group));
		}
	}

	public Community get(String code) {
		return this.communities.findByCode(code)
			.orElseThrow(() -> new NoSuchElementException("No community with code " + code));
	}

	public void enterStage(String code, Stage stage) {
		Community community = get(code);
		this.communities.updateStage(community.id(), stage);
		this.communities.insertStageEntered(community.id(), stage, this.clock.instant());
		log.info("Community {} entered stage {}", code, stage);
	}

	public void leaveStage(String code, Stage stage) {
		this.communities.markStageLeft(get(code).id(), stage, this.clock.instant());
	}

	public void complete(String code) {
		enterStage(code, Stage.COMPLETED);
	}

	// the stage gate
	// ---------------------------------------------------------------------------------------------

	/** The summary the project manager reads before signing a stage. */
	public Map<String, Object> stageGateForm(TaskContext task) {
		Stage stage = stageOf(task);
		Community community = get(task.communityCode());
		List<String> lines = new ArrayList<>();
		lines.add(community.name() + " (" + community.code() + "): " + stage.name());
		if (stage == Stage.ESTABLISHMENT) {
			this.stageData.find(StepTable.SHARED_VISION.table(), community.id())
				.ifPresent((row) -> lines.add("Shared vision: " + row.get("vision")));
			this.stageData.find(StepTable.NEEDS_MAPPING.table(), community.id())
				.ifPresent((row) -> lines.add("Needs: " + row.get("needs")));
			this.stageData.latestGoalSet(community.id())
				.ifPresent((goals) -> lines
					.add("Goals (version " + goals.version() + ", confirmed by every partner): " + goals.goals()));
			this.stageData.find(StepTable.EVALUATION_PLAN.table(), community.id())
				.ifPresent((row) -> lines.add("Evaluation by: " + row.get("evaluator")));
			this.stageData.find(StepTable.COMMUNITY_MIX.table(), community.id())
				.ifPresent((row) -> lines.add("Mix: roles " + row.get("target_roles") + "; sectors "
						+ row.get("sectors") + "; regions " + row.get("regions")));
		}
		else {
			this.stageData.findYearSummary(community.id(), stage).ifPresent((row) -> {
				lines.add("Evaluation results: " + row.get("evaluation_results"));
				lines.add("Community summary: " + row.get("community_summary"));
				lines.add("Goals ahead: " + row.get("next_year_goals"));
			});
		}
		this.summaryLines.orderedStream().forEach((more) -> lines.addAll(more.linesFor(community, stage)));
		return Map.of("stageSummary", String.join("\n", lines));
	}

	public Map<String, Object> signStageGate(TaskContext task, FormValues form) {
		String decision = form.text(CommunityLifecycleProcess.GATE_DECISION);
		String reason = form.text("gateReason");
		boolean sendBack = CommunityLifecycleProcess.GATE_SEND_BACK.equals(decision);
		if (sendBack && reason == null) {
			throw InvalidFormException.of("gateReason", "is required when the stage is sent back");
		}
		Stage stage = stageOf(task);
		this.communities.insertGateDecision(get(task.communityCode()).id(), stage,
				sendBack ? GateDecision.SENT_BACK : GateDecision.SIGNED, reason, task.userId(), this.clock.instant());
		log.info("Stage gate {} of community {}: {}", stage, task.communityCode(), decision);
		return Map.of(CommunityLifecycleProcess.GATE_DECISION, decision);
	}

	// the year summary
	// -------------------------------------------------------------------------------------------

	/**
	 * The summary written so far, the knowledge products of the year's meetings (and what
	 * other capabilities made), and the other products written before.
	 */
	public Map<String, Object> yearSummaryForm(TaskContext task) {
		Community community = get(task.communityCode());
		Stage stage = stageOf(task);
		Map<String, Object> values = new LinkedHashMap<>();
		this.stageData.findYearSummary(community.id(), stage).ifPresent((row) -> {
			values.put("evaluationResults", row.get("evaluation_results"));
			values.put("communitySummary", row.get("community_summary"));
			values.put("nextYearGoals", row.get("next_year_goals"));
		});
		List<Product> made = suggested(community, stage);
		values.put("meetingProducts",
				made.isEmpty() ? "-" : String.join("\n", made.stream().map(CommunityService::line).toList()));
		List<Product> others = this.products.findByStage(community.id(), stage)
			.stream()
			.filter((product) -> product.source() == Product.Source.OTHER)
			.toList();
		if (!others.isEmpty()) {
			values.put("otherProducts", String.join("\n", others.stream().map(CommunityService::line).toList()));
		}
		return values;
	}

	/**
	 * Stores the summary and registers the year's products: the meetings' knowledge
	 * products and the other products written one per line ({@code type | title |
	 * description or link}).
	 * @throws InvalidFormException naming {@code otherProducts} with every wrong line
	 */
	public Map<String, Object> summarizeYear(TaskContext task, FormValues form) {
		Community community = get(task.communityCode());
		Stage stage = stageOf(task);
		List<Product> registered = new ArrayList<>(suggested(community, stage));
		registered.addAll(otherProducts(stage, form.text("otherProducts")));
		this.stageData.replaceYearSummary(community.id(), stage, form.text("evaluationResults"),
				form.text("communitySummary"), form.text("nextYearGoals"), task.userId(), this.clock.instant());
		this.products.replace(community.id(), stage, registered, task.userId(), this.clock.instant());
		log.info("Year summary of community {} for {} written with {} product(s)", community.code(), stage,
				registered.size());
		return Map.of();
	}

	/**
	 * Every product the community registered ({@code lc_product}, the one record of its
	 * products), year by year.
	 */
	@Transactional(readOnly = true)
	public List<Product> products(String code) {
		return this.products.findByCommunity(get(code).id());
	}

	/**
	 * The products so far, for a summary of the years written before the last one's (the
	 * farewell): what earlier years registered, and what the current year made and
	 * registered until now.
	 */
	@Transactional(readOnly = true)
	public List<Product> productsSoFar(String code) {
		Community community = get(code);
		List<Product> all = new ArrayList<>(this.products.findByCommunity(community.id())
			.stream()
			.filter((product) -> product.stage() != community.stage() || product.source() == Product.Source.OTHER)
			.toList());
		all.addAll(suggested(community, community.stage()));
		return all;
	}

	private List<Product> suggested(Community community, Stage stage) {
		return this.productSuggestions.orderedStream()
			.flatMap((source) -> source.suggestedFor(community.code(), stage).stream())
			.toList();
	}

	private List<Product> otherProducts(Stage stage, String text) {
		List<Product> found = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		String[] lines = (text != null) ? text.split("\\R") : new String[0];
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			String[] columns = lines[i].split("\\|", 3);
			String where = "line " + (i + 1) + ": ";
			if (columns.length < 2 || columns[1].isBlank()) {
				problems.add(where + "write the type | the title | a description or link");
				continue;
			}
			String title = columns[1].strip();
			String description = (columns.length == 3 && !columns[2].isBlank()) ? columns[2].strip() : null;
			Optional<String> type = this.productTypes.find(columns[0]);
			if (type.isEmpty()) {
				problems.add(where + "'" + columns[0].strip() + "' is not one of the guide's product types");
			}
			else if (title.length() > PRODUCT_TITLE_LENGTH) {
				problems.add(where + "the title must be at most " + PRODUCT_TITLE_LENGTH + " characters long");
			}
			else {
				found.add(new Product(stage, Product.Source.OTHER, null, title, type.get(), description));
			}
		}
		if (!problems.isEmpty()) {
			throw InvalidFormException.of("otherProducts", String.join("; ", problems));
		}
		return found;
	}

	/** A product as a line of the summary form: type | title | description. */
	private static String line(Product product) {
		return product.productType() + " | " + product.title()
				+ ((product.description() != null) ? " | " + product.description().replaceAll("\\s+", " ") : "");
	}

	private static Stage stageOf(TaskContext task) {
		return Stage.ofProcessKey(task.processKey())
			.orElseThrow(() -> new IllegalStateException("Task " + task.taskKey() + " is not in a stage process"));
	}

}
