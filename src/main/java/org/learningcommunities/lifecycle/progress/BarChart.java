package org.learningcommunities.lifecycle.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A bar chart as simple SVG geometry, drawn by the page's template: one bar per value,
 * scaled to the chart's maximum. Nothing more than bars, labels and values.
 */
public record BarChart(int width, int height, int max, List<Bar> bars) {

	static final int HEIGHT = 160;

	static final int BAR_WIDTH = 36;

	static final int GAP = 14;

	/**
	 * Bars for the items, each of the value the function gives (items without a value are
	 * left out).
	 */
	static <T> BarChart of(List<T> items, Function<T, Integer> value, Function<T, String> label, int atLeast) {
		List<T> shown = items.stream().filter((item) -> value.apply(item) != null).toList();
		int max = Math.max(atLeast, shown.stream().mapToInt(value::apply).max().orElse(0));
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			int v = value.apply(shown.get(i));
			int h = (max == 0) ? 0 : Math.round((float) v * HEIGHT / max);
			bars.add(new Bar(GAP + i * (BAR_WIDTH + GAP), HEIGHT - h, BAR_WIDTH, h, label.apply(shown.get(i)), v));
		}
		return new BarChart(GAP + shown.size() * (BAR_WIDTH + GAP), HEIGHT, max, bars);
	}

	public boolean isEmpty() {
		return this.bars.isEmpty();
	}

	/** One bar: its box in the chart, its label under it and its value over it. */
	public record Bar(int x, int y, int width, int height, String label, int value) {

		public int center() {
			return this.x + this.width / 2;
		}

	}

}
