//! `ctg::model::Money` is exact: amounts of euros with at most two
//! decimals, however they are written, add up to the sum a test computes
//! in integer cents, never to a floating-point approximation (`0.1 + 0.2`
//! is `0.30`). The same sums through the `ctg` binary are in
//! `tests/cli/budget.rs`.

use ctg::i18n::Lang;
use ctg::model::{AmountError, MAX_EUROS, Money};
use proptest::prelude::*;

/// One amount in cents: tenths and twentieths (the sums floats get wrong),
/// any cents, large grants; negative ones are corrections.
fn cents() -> impl Strategy<Value = i64> {
    let magnitude = prop_oneof![
        Just(10i64),
        Just(20),
        Just(30),
        Just(1),
        1..100i64,
        1..10_000_000i64,
        1..10_000_000_000i64,
    ];
    (magnitude, any::<bool>()).prop_map(|(m, negative)| if negative { -m } else { m })
}

/// The ways a plan may write `cents` euros: a sign or not, leading zeros,
/// no decimals for whole euros, one decimal for tenths, trailing zeros.
fn plain_spellings(cents: i64) -> Vec<String> {
    let sign = if cents < 0 { "-" } else { "" };
    let (e, c) = (cents.abs() / 100, cents.abs() % 100);
    let mut bodies = vec![
        format!("{e}.{c:02}"),
        format!("{e}.{c:02}0"),
        format!("00{e}.{c:02}"),
    ];
    if c == 0 {
        bodies.extend([format!("{e}"), format!("{e}.0")]);
    }
    if c % 10 == 0 {
        bodies.push(format!("{e}.{}", c / 10));
    }
    let mut out: Vec<String> = bodies.iter().map(|b| format!("{sign}{b}")).collect();
    if cents >= 0 {
        out.push(format!("+{}", bodies[0]));
    }
    out
}

/// `cents` as a French user types it: thousands separated by a space, a
/// no-break space or a narrow no-break space, a decimal comma, maybe `€`.
fn typed_french(cents: i64, sep: char, euro_sign: bool) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let (e, c) = (cents.abs() / 100, cents.abs() % 100);
    let digits = e.to_string();
    let mut grouped = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(d);
    }
    let euro = if euro_sign { " €" } else { "" };
    format!("{sign}{grouped},{c:02}{euro}")
}

proptest! {
    // A failure prints its minimal input; nothing is saved in the tree.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Many amounts, each in one of its plain spellings, read and added:
    /// the sum is the test's integer sum of cents, whatever the order.
    #[test]
    fn plain_amounts_add_up_to_the_sum_of_their_cents(
        amounts in proptest::collection::vec((cents(), any::<prop::sample::Index>()), 1..200)
    ) {
        let mut expected: i128 = 0;
        let mut sum = Money::ZERO;
        let mut read = Vec::new();
        for (c, pick) in &amounts {
            let spellings = plain_spellings(*c);
            let text = pick.get(&spellings);
            let m = Money::parse_plain(text);
            prop_assert_eq!(m, Ok(Money::from_cents(i128::from(*c))), "{:?}", text);
            let m = m.unwrap();
            read.push(m);
            sum += m;
            expected += i128::from(*c);
        }
        prop_assert_eq!(sum.cents(), expected);
        prop_assert_eq!(read.iter().rev().copied().sum::<Money>().cents(), expected);
        // The sum written back as the plan writes it reads the same.
        prop_assert_eq!(Money::parse_plain(&sum.plain()), Ok(sum));
    }

    /// What people type (`15 000,50 €`) is the same amount.
    #[test]
    fn typed_amounts_are_the_same_cents(
        c in cents(),
        sep in prop::sample::select(vec![' ', '\u{a0}', '\u{202f}']),
        euro_sign in any::<bool>(),
    ) {
        let text = typed_french(c, sep, euro_sign);
        prop_assert_eq!(Money::parse_typed(&text), Ok(Money::from_cents(i128::from(c))), "{:?}", text);
        // And what ctg shows in French reads back as typed text.
        let m = Money::from_cents(i128::from(c));
        prop_assert_eq!(Money::parse_typed(&m.text(Lang::Fr)), Ok(m));
        prop_assert_eq!(Money::parse_plain(&m.plain()), Ok(m));
    }

    /// A third decimal that is not zero is refused, never rounded.
    #[test]
    fn a_third_decimal_is_refused(e in 0..1_000_000i64, c in 0..1000i64, neg in any::<bool>()) {
        prop_assume!(c % 10 != 0);
        let text = format!("{}{e}.{c:03}", if neg { "-" } else { "" });
        prop_assert_eq!(Money::parse_plain(&text), Err(AmountError::TooManyDecimals), "{:?}", text);
    }
}

#[test]
fn tenths_and_twentieths_add_exactly_where_floats_do_not() {
    let tenth = Money::parse_plain("0.1").unwrap();
    let fifth = Money::parse_plain("0.2").unwrap();
    assert_ne!(0.1f64 + 0.2f64, 0.3f64, "the float sum this guards against");
    assert_eq!(tenth + fifth, Money::parse_plain("0.3").unwrap());
    assert_eq!((tenth + fifth).plain(), "0.3");
    assert_eq!((tenth + fifth).text(Lang::Fr), "0,30");
    // A thousand tenths are a hundred euros, not 99.9999999999986.
    let many: Money = std::iter::repeat_n(tenth, 1000).sum();
    assert_eq!(many.cents(), 10_000);
    assert_eq!(many.plain(), "100");
    // A correction takes back exactly what was spent.
    let spent = [tenth, fifth, Money::parse_plain("-0.3").unwrap()];
    assert_eq!(spent.iter().copied().sum::<Money>(), Money::ZERO);
}

#[test]
fn the_range_is_a_thousand_billion_euros_either_side() {
    let max = MAX_EUROS.to_string();
    assert_eq!(
        Money::parse_plain(&max).map(Money::cents),
        Ok(MAX_EUROS * 100)
    );
    assert_eq!(
        Money::parse_plain(&format!("-{max}")).map(Money::cents),
        Ok(-MAX_EUROS * 100)
    );
    assert_eq!(
        Money::parse_plain(&format!("{max}.01")),
        Err(AmountError::OutOfRange)
    );
    assert_eq!(
        Money::parse_plain(&format!("-{max}.01")),
        Err(AmountError::OutOfRange)
    );
    // A hundred thousand maximal amounts still add up exactly.
    let top = Money::parse_plain(&max).unwrap();
    let sum: Money = std::iter::repeat_n(top, 100_000).sum();
    assert_eq!(sum.cents(), MAX_EUROS * 100 * 100_000);
}

#[test]
fn what_is_not_an_amount_is_said_so() {
    for text in [
        "", "-", "douze", "1e3", ".5", "1,5", "0x10", "1 000", ".inf", "NaN",
    ] {
        let got = Money::parse_plain(text);
        assert!(got.is_err(), "{text:?} read as {got:?}");
    }
    assert_eq!(
        Money::parse_typed("1 000,005"),
        Err(AmountError::TooManyDecimals)
    );
}
