package org.learningcommunities.lifecycle.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.CommunityRepository.StageRecord;
import org.learningcommunities.lifecycle.community.Stage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community page and the three-year summary, for a viewer who may see the community
 * (its leader, its partners' representatives, project managers and administrators); for
 * anyone else the community does not exist.
 */
@Service
@Transactional(readOnly = true)
public class CommunityPageService {

	private final CommunityRepository communities;

	private final CommunityPageRepository pages;

	private final OpenTaskRepository openTasks;

	private final Clock clock;

	CommunityPageService(CommunityRepository communities, CommunityPageRepository pages, OpenTaskRepository openTasks,
			Clock clock) {
		this.communities = communities;
		this.pages = pages;
		this.openTasks = openTasks;
		this.clock = clock;
	}

	/** The community, if it exists and the viewer may see it. */
	public Optional<Community> visible(String code, Viewer viewer) {
		return this.communities.findByCode(code).filter(viewer::sees);
	}

	public Optional<CommunityPage> page(String code, Viewer viewer) {
		Instant now = this.clock.instant();
		return visible(code, viewer)
			.map((community) -> new CommunityPage(community, this.pages.candidates(community.id()),
					this.pages.meetings(community.id()), this.pages.workTeams(community.id()),
					this.pages.products(community.id()), this.pages.approvedPlans(community.id()),
					this.communities.stageHistory(community.id()), this.communities.gateDecisions(community.id()),
					this.openTasks.openTasks(code).stream().map((task) -> Board.Task.of(task, now)).toList()));
	}

	/** The calendar year shown when the page asks for none. */
	public int thisYear() {
		return LocalDate.now(this.clock.withZone(BoardService.ZONE)).getYear();
	}

	/** The years in which the community held a meeting, newest first. */
	public static List<Integer> years(CommunityPage page) {
		return page.meetings()
			.stream()
			.filter((meeting) -> "HELD".equals(meeting.status()))
			.map((meeting) -> meeting.date().getYear())
			.distinct()
			.sorted((a, b) -> b - a)
			.toList();
	}

	/** Attendance of the meetings held in a year (at least the target size high). */
	public static BarChart attendance(CommunityPage page, int year) {
		return BarChart.of(held(page, year), CommunityPage.MeetingRow::attendance, CommunityPageService::label,
				page.community().targetSize());
	}

	/** Satisfaction (1 to 5) with the meetings held in a year. */
	public static BarChart satisfaction(CommunityPage page, int year) {
		return BarChart.of(held(page, year), CommunityPage.MeetingRow::satisfaction, CommunityPageService::label, 5);
	}

	private static List<CommunityPage.MeetingRow> held(CommunityPage page, int year) {
		return page.meetings()
			.stream()
			.filter((meeting) -> "HELD".equals(meeting.status()) && meeting.date().getYear() == year)
			.toList();
	}

	private static String label(CommunityPage.MeetingRow meeting) {
		return String.format("%02d/%02d", meeting.date().getDayOfMonth(), meeting.date().getMonthValue());
	}

	/**
	 * The three-year summary: the page, with each year's figures, summary, tracks and
	 * farewell.
	 */
	public Optional<Summary> summary(String code, Viewer viewer) {
		return page(code, viewer).map((page) -> {
			long id = page.community().id();
			List<YearFigures> years = new ArrayList<>();
			for (Stage stage : List.of(Stage.YEAR_ONE, Stage.YEAR_TWO, Stage.YEAR_THREE)) {
				years.add(figures(stage, page));
			}
			return new Summary(page, years, this.pages.yearSummaries(id), this.pages.impactTracks(id),
					this.pages.farewell(id).orElse(null));
		});
	}

	/**
	 * A year's meetings are those held while the community was in that stage (by its
	 * stage history); a stage not entered yet has none.
	 */
	private static YearFigures figures(Stage stage, CommunityPage page) {
		Optional<StageRecord> stay = page.stageHistory()
			.stream()
			.filter((record) -> record.stage() == stage)
			.findFirst();
		List<CommunityPage.MeetingRow> held = stay
			.map((record) -> page.meetings()
				.stream()
				.filter((meeting) -> "HELD".equals(meeting.status()))
				.filter((meeting) -> !meeting.date().isBefore(day(record.enteredAt()))
						&& (record.leftAt() == null || meeting.date().isBefore(day(record.leftAt()))))
				.toList())
			.orElse(List.of());
		Double attendance = average(held.stream()
			.map(CommunityPage.MeetingRow::attendance)
			.filter((value) -> value != null)
			.mapToInt(Integer::intValue));
		Double satisfaction = average(held.stream()
			.map(CommunityPage.MeetingRow::satisfaction)
			.filter((value) -> value != null)
			.mapToInt(Integer::intValue));
		long products = page.products().stream().filter((product) -> stage.name().equals(product.stage())).count();
		return new YearFigures(stage, stay.isPresent(), held.size(), attendance, satisfaction, (int) products);
	}

	/** Rounded to one decimal; {@code null} over no value, never a misleading 0. */
	private static Double average(IntStream values) {
		OptionalDouble average = values.average();
		return average.isPresent() ? Math.round(average.getAsDouble() * 10) / 10.0 : null;
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(BoardService.ZONE).toLocalDate();
	}

	/** The printable three-year summary. */
	public record Summary(CommunityPage page, List<YearFigures> years,
			List<CommunityPageRepository.YearSummary> yearSummaries, List<CommunityPageRepository.ImpactTrack> tracks,
			CommunityPageRepository.Farewell farewell) {

		/** The members admitted and not left. */
		public long members() {
			return this.page.candidates().stream().filter((candidate) -> "ADMITTED".equals(candidate.status())).count();
		}

	}

	/**
	 * One year in figures.
	 *
	 * @param averageAttendance over the meetings held that recorded it; {@code null} when
	 * none did
	 * @param averageSatisfaction likewise
	 */
	public record YearFigures(Stage stage, boolean entered, int meetingsHeld, Double averageAttendance,
			Double averageSatisfaction, int products) {
	}

}
