//! Generated bodies: for every operation with an output, response bodies
//! property-generated from its sample body (`conformance::bodies`) read the
//! same through the SDK's client as through `forecast-types`, whenever
//! `forecast-types` accepts them.
//!
//! A body that lost a required member (or has it `null`) is one that
//! `forecast-types` rejects: such cases are skipped and counted. Run with
//! `--nocapture` to see the counts per operation; `PROPTEST_CASES` sets the
//! cases per operation (default [`DEFAULT_CASES`]).

use conformance::bodies::{self, Json};
use conformance::harness::{block_on, Reply};
use conformance::operations::{self, exchange, Failure, SdkOperation, Visit};
use conformance::samples;
use proptest::prelude::*;
use proptest::test_runner::{TestError, TestRunner};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Cases per operation unless `PROPTEST_CASES` says otherwise: each builds a
/// client, and 63 operations share the suite's minute.
const DEFAULT_CASES: u32 = 64;

/// How one case ended, when it did not fail.
enum Verdict {
    /// Both sides read the same value.
    Equal,
    /// The values differ, but `forecast-types` writes them as the same JSON:
    /// the SDK's fractional timestamps, read through an `f64`.
    EqualOnTheWire,
    /// The body has a `null` element in a list or value in a map: the SDK
    /// rejects it, `forecast-types` skips the `null`s, and the SDK reads the
    /// body without them as `forecast-types` reads the body with them.
    NullEntriesSkipped,
    /// `forecast-types` rejected the body (with this reason); `bool`: the
    /// SDK accepted it.
    Rejected(String, bool),
}

/// What the cases of one operation gave.
#[derive(Debug, Default)]
struct Tally {
    equal: usize,
    on_the_wire: usize,
    null_entries: usize,
    rejected: usize,
    rejected_sdk_accepted: usize,
    /// Rejection reasons, without their positions, by count.
    reasons: BTreeMap<String, usize>,
}

impl Tally {
    fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Equal => self.equal += 1,
            Verdict::EqualOnTheWire => self.on_the_wire += 1,
            Verdict::NullEntriesSkipped => self.null_entries += 1,
            Verdict::Rejected(reason, sdk_accepted) => {
                self.rejected += 1;
                self.rejected_sdk_accepted += usize::from(sdk_accepted);
                *self.reasons.entry(reason).or_default() += 1;
            }
        }
    }

    /// Adds `other`'s counts to these.
    fn merge(&mut self, other: &Tally) {
        self.equal += other.equal;
        self.on_the_wire += other.on_the_wire;
        self.null_entries += other.null_entries;
        self.rejected += other.rejected;
        self.rejected_sdk_accepted += other.rejected_sdk_accepted;
        for (reason, n) in &other.reasons {
            *self.reasons.entry(reason.clone()).or_default() += n;
        }
    }

    /// The counts, in the order [`print`] heads them.
    fn counts(&self) -> String {
        let (e, w, n) = (self.equal, self.on_the_wire, self.null_entries);
        let (r, a) = (self.rejected, self.rejected_sdk_accepted);
        format!("{e} / {w} / {n} / {r} ({a})")
    }
}

/// One operation's run: its tally, time and failure, if any.
struct Report {
    name: &'static str,
    tally: Tally,
    time: Duration,
    failure: Option<String>,
}

/// A `serde_json` error without its position.
fn reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    text.split(" at line ").next().unwrap_or(&text).to_owned()
}

/// The SDK's reading of `body`, converted.
fn sdk_reads<Op: SdkOperation>(body: &Json) -> Result<Op::Output, Failure<Op::Error>> {
    block_on(exchange::<Op>(None, &Reply::ok(body.text()))).result
}

/// Reads `body` both ways and judges the two readings.
fn judge<Op: SdkOperation>(body: &Json) -> Result<Verdict, TestCaseError> {
    let ours = match Op::read_output(body.text().as_bytes()) {
        Ok(ours) => ours,
        Err(e) => return Ok(Verdict::Rejected(reason(&e), sdk_reads::<Op>(body).is_ok())),
    };
    let rejected = |e| {
        let why = "the SDK rejected a body forecast-types reads";
        TestCaseError::fail(format!("{why}\n  sdk:  {e:?}\n  ours: {ours:?}"))
    };
    match sdk_reads::<Op>(body) {
        Ok(sdk) => compare::<Op>(&sdk, &ours),
        // The SDK rejects a `null` in a dense list or map, which
        // `forecast-types` skips: it must read as if it were not there.
        Err(_) if body.has_null_entries() => {
            let sdk = sdk_reads::<Op>(&body.without_null_entries()).map_err(rejected)?;
            compare::<Op>(&sdk, &ours).map(|_| Verdict::NullEntriesSkipped)
        }
        Err(e) => Err(rejected(e)),
    }
}

/// Compares the SDK's reading with ours.
fn compare<Op: SdkOperation>(
    sdk: &Op::Output,
    ours: &Op::Output,
) -> Result<Verdict, TestCaseError> {
    if sdk == ours {
        return Ok(Verdict::Equal);
    }
    let json = |value: &Op::Output| serde_json::to_value(value).expect("writable");
    prop_assert_eq!(json(sdk), json(ours), "sdk: {:?}\nours: {:?}", sdk, ours);
    Ok(Verdict::EqualOnTheWire)
}

/// Cases per operation: `PROPTEST_CASES`, or [`DEFAULT_CASES`].
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// Proptest's settings: [`cases`] and no failure files.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Runs `Op`'s generated cases (its output has the sample `sample`).
fn run<Op: SdkOperation>(sample: &str) -> Report {
    let start = Instant::now();
    let sample = serde_json::from_str(sample).expect("a JSON sample");
    let tally = RefCell::new(Tally::default());
    let result = TestRunner::new(config()).run(&bodies::like(&sample), |body| {
        tally.borrow_mut().add(judge::<Op>(&body)?);
        Ok(())
    });
    let failure = match result {
        Ok(()) => None,
        Err(TestError::Fail(why, body)) => Some(format!("{why}\n  minimal body: {body:?}")),
        Err(TestError::Abort(why)) => Some(format!("aborted: {why}")),
    };
    Report {
        name: Op::NAME,
        tally: tally.into_inner(),
        time: start.elapsed(),
        failure,
    }
}

/// An operation's run, to be done on any thread.
type Job = Box<dyn FnOnce() -> Report + Send>;

/// A job for every operation whose output has a sample (those with a `Unit`
/// output have none, and no body to read).
struct Jobs(Vec<Job>);

impl Visit for Jobs {
    fn visit<Op: SdkOperation>(&mut self) {
        if let Some(sample) = samples::of::<Op::Output>() {
            self.0.push(Box::new(move || run::<Op>(sample)));
        }
    }
}

/// Runs `jobs` on as many threads as there are cores, in the order given.
fn run_all(jobs: Vec<Job>) -> Vec<Report> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let count = jobs.len();
    let jobs: Vec<_> = jobs.into_iter().map(|job| Mutex::new(Some(job))).collect();
    let next = AtomicUsize::new(0);
    let reports = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i).and_then(|job| job.lock().unwrap().take()) else {
                    break;
                };
                let report = job();
                reports.lock().unwrap().push((i, report));
            });
        }
    });
    let mut reports = reports.into_inner().unwrap();
    reports.sort_by_key(|(i, _)| *i);
    assert_eq!(reports.len(), count, "every job reported");
    reports.into_iter().map(|(_, report)| report).collect()
}

/// Prints a line per operation and the totals.
fn print(reports: &[Report]) {
    println!("operation: equal / on the wire / nulls skipped / rejected (SDK accepted) / time");
    let mut total = Tally::default();
    for report in reports {
        let (name, time) = (report.name, report.time);
        println!("{name}: {} / {time:.2?}", report.tally.counts());
        total.merge(&report.tally);
    }
    println!("total: {}", total.counts());
    for (reason, n) in &total.reasons {
        println!("  {n} x {reason}");
    }
}

#[test]
fn every_output_reads_generated_bodies_alike() {
    let mut jobs = Jobs(Vec::new());
    operations::for_each(&mut jobs);
    assert!(
        jobs.0.len() > operations::NAMES.len() / 2,
        "most operations have an output"
    );
    let reports = run_all(jobs.0);
    print(&reports);
    let failures: Vec<_> = reports
        .iter()
        .filter_map(|r| r.failure.as_ref().map(|f| format!("{}: {f}", r.name)))
        .collect();
    assert!(
        failures.is_empty(),
        "{} operations disagree:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    if cases() < DEFAULT_CASES {
        return;
    }
    let accepted = |r: &Report| r.tally.equal + r.tally.on_the_wire + r.tally.null_entries;
    let starved: Vec<_> = reports
        .iter()
        .filter(|r| accepted(r) == 0)
        .map(|r| r.name)
        .collect();
    assert!(starved.is_empty(), "no body was accepted for {starved:?}");
}

/// Asserts that the SDK rejects `body` and that `forecast-types` reads it as
/// the SDK reads `without`: the body with its `null`s taken out.
fn nulls_skipped<Op: SdkOperation>(body: &str, without: &str) {
    let sdk = block_on(exchange::<Op>(None, &Reply::ok(body))).result;
    assert!(sdk.is_err(), "{}: the SDK read {body}", Op::NAME);
    let ours = Op::read_output(body.as_bytes()).unwrap();
    let sdk = block_on(exchange::<Op>(None, &Reply::ok(without))).result;
    assert_eq!(sdk.unwrap(), ours, "{}: {body}", Op::NAME);
}

/// The difference the generated bodies found, pinned: a `null` element of a
/// dense list or value of a dense map fails the SDK's whole response ("dense
/// list cannot contain null values"), where `forecast-types` skips it.
#[test]
fn null_entries_fail_the_sdk_and_are_skipped_by_forecast_types() {
    use forecast_types::{DescribeDatasetGroup, DescribeDatasetImportJob, ListTagsForResource};
    nulls_skipped::<DescribeDatasetGroup>(
        r#"{"DatasetArns":["a",null]}"#,
        r#"{"DatasetArns":["a"]}"#,
    );
    nulls_skipped::<ListTagsForResource>(r#"{"Tags":[null]}"#, r#"{"Tags":[]}"#);
    nulls_skipped::<DescribeDatasetImportJob>(
        r#"{"FieldStatistics":{"a":null,"b":{}}}"#,
        r#"{"FieldStatistics":{"b":{}}}"#,
    );
}
