use super::*;
use crate::model::{Located, Milestone, Period};
use crate::yaml::Pos;

fn d(s: &str) -> NaiveDate {
    crate::decode::parse_iso_date(s).unwrap()
}

fn at<T>(value: T) -> Located<T> {
    Located {
        value,
        pos: Pos::default(),
    }
}

fn entry(date: &str) -> Entry {
    Entry {
        note: Some("x".into()),
        ..Entry::on(d(date))
    }
}

fn with_status(date: &str, s: Status) -> Entry {
    Entry {
        status: Some(at(s)),
        ..entry(date)
    }
}

fn with_progress(date: &str, p: f64) -> Entry {
    Entry {
        progress: Some(at(p)),
        ..entry(date)
    }
}

fn sheet(start: i32, end: i32, journal: Vec<Entry>) -> Sheet {
    Sheet {
        schedule: at(Period { start, end }),
        journal,
        ..Sheet::default()
    }
}

fn milestone(id: &str, due: &str) -> Milestone {
    Milestone {
        id: at(id.to_string()),
        title: id.into(),
        due: Some(at(d(due))),
    }
}

#[test]
fn empty_journal_is_planned_and_upcoming_in_its_first_year() {
    let s = sheet(2023, 2026, vec![]);
    let st = sheet_state(&s, 6, d("2023-05-01"));
    assert_eq!(
        (st.status, st.progress, st.health),
        (Status::Planned, 0.0, Health::Upcoming)
    );
    assert!(!st.stale && !st.late && st.started.is_none());
}

#[test]
fn planned_past_its_first_year_is_watch_and_stale() {
    let st = sheet_state(&sheet(2023, 2026, vec![]), 6, d("2024-02-01"));
    assert_eq!(st.health, Health::Watch);
    assert!(
        st.stale,
        "no entry since 1 January 2023, more than 6 months"
    );
}

#[test]
fn out_of_order_entries_are_read_by_date_and_ties_by_file_order() {
    let journal = vec![
        with_progress("2024-05-01", 60.0),
        with_status("2024-01-10", Status::InProgress),
        with_progress("2024-05-01", 50.0),
        with_progress("2024-03-01", 30.0),
    ];
    let st = sheet_state(&sheet(2023, 2026, journal), 6, d("2024-06-01"));
    assert_eq!(
        st.progress, 50.0,
        "same date: the later line in the file wins"
    );
    assert_eq!(st.started, Some(d("2024-01-10")));
    assert_eq!(st.status, Status::InProgress);
    assert_eq!(st.health, Health::OnTrack);
}

#[test]
fn entries_after_the_as_of_date_do_not_count() {
    let journal = vec![
        with_status("2024-01-10", Status::InProgress),
        with_status("2024-09-01", Status::Done),
    ];
    let st = sheet_state(&sheet(2023, 2026, journal), 6, d("2024-08-31"));
    assert_eq!(st.status, Status::InProgress);
    assert_eq!(st.completed, None);
}

#[test]
fn done_means_100_and_completion_is_the_start_of_the_last_done_run() {
    let journal = vec![
        with_status("2024-01-10", Status::Done),
        with_status("2024-02-10", Status::InProgress),
        with_status("2024-03-10", Status::Done),
        with_progress("2024-04-10", 80.0),
        with_status("2024-05-10", Status::Done),
    ];
    let st = sheet_state(&sheet(2023, 2026, journal), 6, d("2024-06-01"));
    assert_eq!(st.progress, 100.0);
    assert_eq!(
        st.completed,
        Some(d("2024-03-10")),
        "an entry without status does not break the run"
    );
    assert_eq!(st.health, Health::Done);
}

#[test]
fn progress_falls_back_to_milestones_reached() {
    let mut s = sheet(
        2023,
        2026,
        vec![Entry {
            reached: vec![at("a".to_string())],
            ..entry("2024-02-01")
        }],
    );
    s.milestones = vec![
        milestone("a", "2024-03-01"),
        milestone("b", "2025-03-01"),
        milestone("c", "2026-03-01"),
    ];
    let st = sheet_state(&s, 6, d("2024-06-01"));
    assert!((st.progress - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        st.started,
        Some(d("2024-02-01")),
        "reaching a milestone starts a sheet"
    );
}

#[test]
fn an_overdue_milestone_makes_a_sheet_late_and_alert() {
    let mut s = sheet(
        2023,
        2026,
        vec![with_status("2024-01-10", Status::InProgress)],
    );
    s.milestones = vec![milestone("a", "2024-03-01")];
    assert!(
        !sheet_state(&s, 6, d("2024-03-01")).late,
        "due on D is not yet overdue"
    );
    let st = sheet_state(&s, 6, d("2024-03-02"));
    assert!(st.late);
    assert_eq!(st.health, Health::Alert);
}

#[test]
fn a_milestone_without_a_due_date_is_never_overdue_and_comes_last() {
    let mut s = sheet(
        2023,
        2026,
        vec![with_status("2024-01-10", Status::InProgress)],
    );
    let mut undated = milestone("sans-date", "2023-01-01");
    undated.due = None;
    s.milestones = vec![undated, milestone("b", "2026-06-01")];
    let st = sheet_state(&s, 6, d("2024-03-02"));
    assert!(!st.late);
    let next = crate::compute::next_milestone(&s, &st).map(|m| m.id.value.as_str());
    assert_eq!(next, Some("b"), "dated milestones come first");
}

#[test]
fn past_the_schedule_end_is_late_unless_closed() {
    let s = sheet(
        2023,
        2024,
        vec![with_status("2024-12-01", Status::InProgress)],
    );
    assert!(sheet_state(&s, 6, d("2025-01-01")).late);
    let s = sheet(
        2023,
        2024,
        vec![with_status("2024-12-01", Status::Abandoned)],
    );
    assert_eq!(
        sheet_state(&s, 6, d("2025-01-01")).health,
        Health::Abandoned
    );
}

#[test]
fn stale_counts_calendar_months_with_the_day_clamped() {
    let s = sheet(
        2023,
        2026,
        vec![with_status("2023-08-31", Status::InProgress)],
    );
    // 31 August + 6 months = 29 February 2024 (leap year, clamped).
    assert!(!sheet_state(&s, 6, d("2024-02-29")).stale);
    let st = sheet_state(&s, 6, d("2024-03-01"));
    assert!(st.stale);
    assert_eq!(st.health, Health::Watch);
}

#[test]
fn postponed_alone_does_not_start_a_sheet() {
    let s = sheet(
        2024,
        2026,
        vec![with_status("2024-02-01", Status::Postponed)],
    );
    let st = sheet_state(&s, 6, d("2024-03-01"));
    assert_eq!(st.started, None);
    assert_eq!(st.health, Health::Watch);
    let blocked = sheet(2024, 2026, vec![with_status("2024-02-01", Status::Blocked)]);
    assert_eq!(
        sheet_state(&blocked, 6, d("2024-03-01")).health,
        Health::Alert
    );
}

#[test]
fn a_planned_sheet_with_progress_is_in_progress() {
    // Progress recorded without a status: the sheet has started.
    let s = sheet(
        2025,
        2026,
        vec![
            with_status("2025-01-10", Status::Planned),
            with_progress("2025-03-01", 20.0),
        ],
    );
    let before = sheet_state(&s, 6, d("2025-02-01"));
    assert_eq!(
        (before.status, before.health),
        (Status::Planned, Health::Upcoming)
    );
    let st = sheet_state(&s, 6, d("2025-04-01"));
    assert_eq!(
        (st.status, st.progress, st.health),
        (Status::InProgress, 20.0, Health::OnTrack)
    );
    assert_eq!(
        crate::compute::SynthesisClass::of(&st),
        crate::compute::SynthesisClass::InProgress,
        "the review says the same"
    );
    // A milestone reached starts it too; progress 0 alone does not.
    let mut m = sheet(
        2025,
        2026,
        vec![Entry {
            reached: vec![at("a".to_string())],
            ..entry("2025-03-01")
        }],
    );
    m.milestones = vec![milestone("a", "2025-06-01"), milestone("b", "2026-06-01")];
    assert_eq!(
        sheet_state(&m, 6, d("2025-04-01")).status,
        Status::InProgress
    );
    let zero = sheet(2025, 2026, vec![with_progress("2025-03-01", 0.0)]);
    assert_eq!(
        sheet_state(&zero, 6, d("2025-04-01")).status,
        Status::Planned
    );
    // A later status other than planned still wins.
    let paused = sheet(
        2025,
        2026,
        vec![
            with_progress("2025-03-01", 20.0),
            with_status("2025-03-15", Status::Paused),
        ],
    );
    assert_eq!(
        sheet_state(&paused, 6, d("2025-04-01")).status,
        Status::Paused
    );
}

/// Done, half-way, and abandoned at 10 %, as of 1 June 2024.
fn done_halfway_abandoned() -> Vec<SheetState> {
    let sheets = [
        sheet(2023, 2026, vec![with_status("2024-01-01", Status::Done)]),
        sheet(2023, 2026, vec![with_progress("2024-01-01", 50.0)]),
        sheet(
            2023,
            2026,
            vec![Entry {
                status: Some(at(Status::Abandoned)),
                ..with_progress("2024-01-01", 10.0)
            }],
        ),
    ];
    sheets
        .iter()
        .map(|s| sheet_state(s, 6, d("2024-06-01")))
        .collect()
}

#[test]
fn rollup_excludes_abandoned_sheets_from_rates() {
    let states = done_halfway_abandoned();
    let r = Rollup::of(&states);
    assert_eq!(r.sheets, 3);
    assert_eq!(r.completion_rate, Some(50.0));
    assert_eq!(r.mean_progress, Some(75.0));
    assert_eq!(Rollup::of(&states[2..]).completion_rate, None);
}

#[test]
fn rollups_of_groups_add_up_to_the_rollup_of_all() {
    let states = done_halfway_abandoned();
    let parts = [Rollup::of(&states[..1]), Rollup::of(&states[1..])];
    assert_eq!(Rollup::sum(&parts), Rollup::of(&states));
    assert_eq!(Rollup::sum(&[]), Rollup::default());
}
