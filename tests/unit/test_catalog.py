from __future__ import annotations

from coach.core.content.catalog import RoutineFilter, filter_routines, search_exercises


def ids(infos):
    return {i.routine.id for i in infos}


def test_no_filter_shows_everything(library):
    assert ids(filter_routines(library.routines.values(), RoutineFilter())) == set(
        library.routines
    )


def test_place_and_time_filters(library):
    routines = library.routines.values()
    desk = filter_routines(routines, RoutineFilter(place="desk"))
    assert "office-break" in ids(desk) and "after-work" not in ids(desk)
    short = filter_routines(routines, RoutineFilter(max_minutes=5))
    assert all(i.seconds <= 300 for i in short) and "micro-break" in ids(short)
    assert "after-work" not in ids(short)


def test_filters_cycle_back_to_any():
    f = RoutineFilter()
    for _ in range(4):
        f = f.next_place()
    assert f.place is None
    for _ in range(4):
        f = f.next_time()
    assert f.max_minutes is None


def test_search_matches_exercise_names_and_body_areas(library):
    found = filter_routines(library.routines.values(), RoutineFilter(query="cobra"))
    assert ids(found) == {"after-work"}
    hamstrings = search_exercises(library.exercises.values(), "hamstrings")
    assert {"lying-hamstring", "standing-hamstring"} <= {e.id for e in hamstrings}
    bend = search_exercises(library.exercises.values(), "standing back bend")
    assert "standing-back-arch" in {e.id for e in bend}
    assert search_exercises(library.exercises.values(), "zzz") == []


def test_a_routine_matches_every_place_its_label_names(library):
    """'Five desk stretches' is labelled standing/seated: "where: standing" shows it."""
    routines = library.routines.values()
    standing = ids(filter_routines(routines, RoutineFilter(place="standing")))
    for info in routines:
        if "standing" in info.positions:
            assert info.routine.id in standing
    assert "desk-five" in standing and "desk-five" in ids(
        filter_routines(routines, RoutineFilter(place="desk")))


def test_the_library_lists_exercises_by_name_whatever_their_ids(library):
    names = [e.name for e in search_exercises(library.exercises.values(), "")]
    assert names == sorted(names, key=str.casefold)
    assert names.index("Lunge with glute squeeze and side reach") > names.index("Knees to chest")
