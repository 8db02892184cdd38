from __future__ import annotations

import datetime as dt

import pytest

from coach.core.content.models import Dosing, Exercise
from coach.core.figure.model import Figure, Key
from coach.core.history.progress import (
    Totals,
    WeekGoal,
    habit_strength,
    level,
    month_grid,
    pain_trend,
    streaks,
    strength_half_life,
    totals,
    week_start,
    weekly_goal,
    year_weeks,
)
from coach.core.session.records import SessionRecord, StepResult

TODAY = dt.date(2026, 11, 10)  # a Tuesday
DAY = dt.timedelta(days=1)


def ago(*offsets: int) -> list[dt.date]:
    return [TODAY - dt.timedelta(days=n) for n in offsets]


def span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + DAY * n for n in range((last - first).days + 1)]


# -- streaks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], (0, 0)),
        (ago(0), (1, 1)),
        (ago(1), (1, 1)),  # today not trained yet: yesterday's streak still stands
        (ago(2), (0, 1)),  # a day was missed
        (ago(0, 1, 2), (3, 3)),
        (ago(1, 2, 3), (3, 3)),
        (ago(0, 2, 3, 4, 5), (1, 4)),
        (ago(0, 0, 1), (2, 2)),  # two sessions on one day count once
        (ago(10, 11, 12, 13, 14, 15, 16, 17, 18) + ago(0, 1, 2), (3, 9)),
        (ago(-1), (0, 0)),  # a day after today (a clock change) counts for neither streak
        (ago(-1, 0, 1), (2, 2)),
        (ago(-3, -2, -1, 5), (0, 1)),  # nor does a run of them make a "longest" not yet had
        ([dt.date(2024, 2, 28), dt.date(2024, 2, 29), dt.date(2024, 3, 1)], (0, 3)),  # leap day
        ([dt.date(2025, 12, 31), dt.date(2026, 1, 1)], (0, 2)),  # across a new year
    ],
)
def test_streaks(days, expected):
    assert streaks(days, TODAY) == expected


def test_streaks_takes_any_iterable_of_days():
    sessions = {TODAY: (1, 60), TODAY - dt.timedelta(days=1): (2, 300)}
    assert streaks(sessions, TODAY) == (2, 2)
    assert streaks(iter(ago(0, 1)), TODAY) == (2, 2)


# -- weekly goal -----------------------------------------------------------------------------

MON = week_start(TODAY)  # 2026-11-09


def week(offset: int, *weekdays: int) -> list[dt.date]:
    """Days of the week `offset` weeks from this one (0 = this week), Monday = 0."""
    return [MON + dt.timedelta(weeks=offset, days=d) for d in weekdays]


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (dt.date(2026, 11, 9), dt.date(2026, 11, 9)),
        (dt.date(2026, 11, 15), dt.date(2026, 11, 9)),
        (dt.date(2026, 1, 1), dt.date(2025, 12, 29)),  # a week across the new year
        (dt.date(2028, 3, 1), dt.date(2028, 2, 28)),
    ],
)
def test_week_start(day, monday):
    assert week_start(day) == monday


def test_weekly_goal_counts_this_week_up_to_today():
    days = week(0, 0, 1, 2, 3) + week(-1, 6)  # Wed and Thu are after today; last Sunday isn't us
    assert weekly_goal(days, TODAY, 4) == WeekGoal(2, 4, False, 0, 0)


def test_a_planned_rest_day_breaks_nothing():
    # Four days a week, resting on different days each week: every week meets the goal.
    days = week(-3, 0, 1, 3, 4) + week(-2, 0, 2, 4, 6) + week(-1, 1, 2, 5, 6)
    goal = weekly_goal(days, TODAY, 4)
    assert goal.streak_weeks == 3 and goal.longest_weeks == 3
    assert not goal.met  # this week is open, and not meeting the goal yet breaks nothing


def test_an_unmet_past_week_breaks_the_week_streak():
    days = week(-4, 0, 1, 2, 3) + week(-3, 0, 1, 2, 3) + week(-2, 0, 1, 2) + week(-1, 0, 1, 2, 3)
    goal = weekly_goal(days, TODAY, 4)
    assert (goal.streak_weeks, goal.longest_weeks) == (1, 2)


def test_the_current_week_counts_once_met():
    days = week(-2, 0, 1) + week(-1, 3, 5) + week(0, 0, 1)
    assert weekly_goal(days, TODAY, 2) == WeekGoal(2, 2, True, 3, 3)
    assert weekly_goal(days[:-1], TODAY, 2) == WeekGoal(1, 2, False, 2, 2)


def test_weekly_goal_of_every_day_and_of_nothing():
    assert weekly_goal(span(MON - dt.timedelta(weeks=5), TODAY), TODAY, 7).streak_weeks == 5
    assert weekly_goal([], TODAY, 1) == WeekGoal(0, 1, False, 0, 0)


@pytest.mark.parametrize("goal", [0, 8])
def test_a_goal_outside_a_week_is_refused(goal):
    with pytest.raises(ValueError, match="1 to 7"):
        weekly_goal([], TODAY, goal)
    with pytest.raises(ValueError, match="1 to 7"):
        habit_strength([], TODAY, goal)


# -- habit strength --------------------------------------------------------------------------

YEAR_AGO = TODAY - dt.timedelta(days=365)


def test_no_history_is_no_strength():
    assert habit_strength([], TODAY, 4) == 0.0
    assert habit_strength(ago(-1), TODAY, 4) == 0.0  # only a day after today


def test_daily_forever_is_near_full_strength():
    assert habit_strength(span(YEAR_AGO, TODAY), TODAY, 7) == pytest.approx(1.0, abs=1e-6)


def test_exactly_meeting_a_four_day_goal_converges_to_full_not_four_sevenths():
    days = [d for d in span(YEAR_AGO, TODAY) if d.weekday() in (0, 2, 4, 5)]
    assert habit_strength(days, TODAY, 4) == pytest.approx(1.0, abs=1e-4)


def test_strength_grows_with_training_and_stays_in_range():
    days = span(TODAY - dt.timedelta(days=20), TODAY)
    scores = [habit_strength(days, day, 7) for day in days]
    assert scores == sorted(scores) and 0 < scores[0] < scores[-1] < 1


def test_half_the_goal_settles_near_half():
    days = [d for d in span(YEAR_AGO, TODAY) if d.weekday() in (0, 3)]
    assert habit_strength(days, TODAY, 4) == pytest.approx(0.5, abs=0.02)


@pytest.mark.parametrize("goal", [1, 4, 7])
def test_stopping_halves_strength_in_about_the_half_life(goal):
    days = span(YEAR_AGO, TODAY)
    full = habit_strength(days, TODAY, goal)
    gone = 0
    while habit_strength(days, TODAY + DAY * gone, goal) > full / 2:
        gone += 1
    # The last week's sessions still fill the rolling window for up to 7 days after stopping.
    assert strength_half_life(goal) <= gone <= strength_half_life(goal) + 7


def test_a_rarer_goal_forgets_more_slowly():
    days = span(YEAR_AGO, TODAY)
    later = TODAY + dt.timedelta(days=30)
    assert habit_strength(days, later, 2) > habit_strength(days, later, 7)


# -- calendar shapes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "shade"),
    [
        (-5, 0),
        (0, 0),
        (1, 1),
        (299, 1),
        (300, 2),
        (899, 2),
        (900, 3),
        (1799, 3),
        (1800, 4),
        (36000, 4),
    ],
)
def test_level(seconds, shade):
    assert level(seconds) == shade


def test_month_grid_starting_on_monday():
    grid = month_grid(2026, 6)  # June 2026: Monday 1st to Tuesday 30th
    assert grid[0] == [dt.date(2026, 6, d) for d in range(1, 8)]
    assert len(grid) == 5
    assert grid[-1] == [dt.date(2026, 6, 29), dt.date(2026, 6, 30)] + [None] * 5


def test_month_grid_starting_on_sunday():
    grid = month_grid(2026, 3)  # March 2026: Sunday 1st to Tuesday 31st
    assert grid[0] == [None] * 6 + [dt.date(2026, 3, 1)]
    assert len(grid) == 6
    assert grid[-1] == [dt.date(2026, 3, 30), dt.date(2026, 3, 31)] + [None] * 5


def test_month_grid_february_in_a_leap_year():
    grid = month_grid(2028, 2)  # Tuesday 1st to Tuesday 29th
    days = [d for row in grid for d in row if d is not None]
    assert days == [dt.date(2028, 2, d) for d in range(1, 30)]
    assert grid[0][:1] == [None] and grid[-1][1] == dt.date(2028, 2, 29)
    assert all(len(row) == 7 for row in grid)
    assert all(d.weekday() == i for row in grid for i, d in enumerate(row) if d is not None)


def test_year_weeks_shape():
    columns = year_weeks(TODAY)
    assert len(columns) == 53 and all(len(column) == 7 for column in columns)
    assert TODAY in columns[-1]
    assert columns[-1][-1] > TODAY  # the rest of this week is there, for the caller to grey
    assert all(column[0].weekday() == 0 for column in columns)
    flat = [d for column in columns for d in column]
    assert flat == span(flat[0], flat[-1])  # oldest first, no day missing or repeated


def test_year_weeks_of_a_sunday_and_a_short_range():
    sunday = dt.date(2026, 11, 15)
    assert year_weeks(sunday)[-1][-1] == sunday
    assert year_weeks(sunday, 1) == [span(dt.date(2026, 11, 9), sunday)]
    with pytest.raises(ValueError):
        year_weeks(sunday, 0)


# -- totals and pain -------------------------------------------------------------------------


def exercise(id: str, *targets: str) -> Exercise:
    return Exercise(
        id=id,
        name=id.replace("-", " ").title(),
        position="supine",
        targets=targets,
        kind="mobility",
        cue="Move slowly",
        steps=("Do it.",),
        dosing=Dosing(mode="hold", hold_s=10),
        sources=("001",),
        figure=Figure(view="side", base="supine", keys=(Key(),)),
    )


LIBRARY = {
    "cat-cow": exercise("cat-cow", "spine", "mid back"),
    "bridge": exercise("bridge", "glutes", "lower back"),
    "dead-bug": exercise("dead-bug", "core", "lower back"),
}


def step(exercise_id: str, seconds: int) -> StepResult:
    return StepResult(
        exercise_id=exercise_id,
        exercise_name=exercise_id,
        planned=Dosing(mode="timed", duration_s=60),
        outcome="done" if seconds else "skipped",
        seconds=seconds,
        reps=1 if seconds else 0,
    )


def session(
    name: str,
    day: dt.date,
    *steps: StepResult,
    before: int | None = None,
    after: int | None = None,
    hour: int = 18,
) -> SessionRecord:
    started = dt.datetime.combine(day, dt.time(hour), dt.UTC)
    return SessionRecord(
        routine_id=name.lower().replace(" ", "-"),
        routine_name=name,
        started_at=started,
        ended_at=started + dt.timedelta(minutes=20),
        zone="UTC",
        day=day,
        status="completed",
        steps=steps,
        pain_before=before,
        pain_after=after,
    )


RECORDS = [
    session("Morning", ago(3)[0], step("cat-cow", 60), step("bridge", 90), before=4, after=3),
    session("Desk break", ago(2)[0], step("cat-cow", 30), before=5),
    session("Morning", ago(1)[0], step("dead-bug", 120), step("gone-exercise", 45)),
    session("Morning", ago(0)[0], step("bridge", 0), before=6, after=6),  # stopped at once
    session("Evening", ago(0)[0], step("bridge", 40), after=2, hour=20),
]


def test_totals():
    got = totals(RECORDS, LIBRARY)
    assert got == Totals(
        sessions=4,
        seconds=60 + 90 + 30 + 120 + 45 + 40,
        by_routine={"Morning": (2, 315), "Evening": (1, 40), "Desk break": (1, 30)},
        by_target={
            "lower back": 90 + 120 + 40,
            "glutes": 130,
            "core": 120,
            "mid back": 90,
            "spine": 90,
        },
    )
    assert list(got.by_routine) == ["Morning", "Evening", "Desk break"]  # most seconds first
    assert list(got.by_target)[0] == "lower back"


def test_totals_of_nothing():
    assert totals([], LIBRARY) == Totals(0, 0, {}, {})
    assert totals([session("Empty", TODAY)], LIBRARY).sessions == 0


def test_totals_keeps_the_routine_name_as_recorded():
    # The same routine, renamed between two sessions: history reads as it was called then.
    before = session("Old name", ago(1)[0], step("bridge", 10))
    after = session("New name", TODAY, step("bridge", 5))
    after = after.model_copy(update={"routine_id": "old-name"})
    assert totals([before, after], LIBRARY).by_routine == {"Old name": (1, 10), "New name": (1, 5)}


def test_pain_trend():
    shuffled = [RECORDS[4], RECORDS[2], RECORDS[0], RECORDS[3], RECORDS[1]]
    assert pain_trend(shuffled) == [
        (ago(3)[0], 4, 3),
        (ago(2)[0], 5, None),
        (ago(0)[0], 6, 6),  # a session with a check-in still reports it, even without work
        (ago(0)[0], None, 2),
    ]
    assert pain_trend([]) == []


def test_weekly_pain_averages_each_week():
    from coach.core.history.progress import weekly_pain

    monday = dt.date(2026, 11, 16)
    trend = [(monday, 6, 4), (monday + dt.timedelta(days=2), 4, None),
             (monday + dt.timedelta(days=7), None, 2)]
    assert weekly_pain(trend) == [(monday, 5.0, 4.0), (monday + dt.timedelta(days=7), None, 2.0)]


def test_months_with_training_days_span_whole_months():
    from coach.core.history.progress import months_with

    days = [dt.date(2028, 2, 29), dt.date(2027, 12, 3), dt.date(2028, 2, 1)]
    assert months_with(days) == [
        (dt.date(2027, 12, 1), dt.date(2027, 12, 31)),
        (dt.date(2028, 2, 1), dt.date(2028, 2, 29)),
    ]


# -- from the store's summaries (issue 12) -------------------------------------------------------


def test_summaries_give_what_reading_every_record_gives(history_store, library):
    from coach.core.history.overview import history_page, pain_of, totals_of

    store = history_store
    everything = store.sessions()
    store.delete_session(everything[3].uuid)
    store.import_sessions([everything[3]])  # both writes keep the summaries as saves do
    months = store.month_totals()
    assert totals_of(months, library.exercises) == totals(everything, library.exercises)
    assert pain_of(months) == pain_trend(everything)
    pages, before = [], None
    while True:
        page, before = history_page(store, before, rows=25)
        pages += page
        if before is None:
            break
    assert pages == sorted(everything, key=lambda r: r.started_at, reverse=True)


def test_a_summary_another_tool_left_stale_is_not_believed(history_store, library):
    import json

    from coach.core.history.overview import totals_of
    from coach.core.storage.store import Store

    store = history_store
    month = store.months()[-1]
    path = store.month_path(month)
    data = json.loads(path.read_text())
    for doc in data["sessions"].values():  # an older backcoach, say, renamed the routine
        doc["routine_name"] = "Renamed"
    path.write_text(json.dumps(data))
    fresh = Store(store.folder)
    assert "Renamed" in totals_of(fresh.month_totals(), library.exercises).by_routine
    assert totals_of(fresh.month_totals(), library.exercises) == totals(fresh.sessions(),
                                                                        library.exercises)
