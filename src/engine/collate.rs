//! Alphabetical order of names (the country list) as a Dutch or English
//! reader expects it: case and the accents of Latin letters do not count, so
//! "België" comes before "Bulgarije" and "Österreich" stands among the O's.
//! Written out for the Latin letters instead of using `str::to_lowercase`,
//! whose Unicode tables were 8 KB of the app's gzip download, or the
//! browser's `Intl.Collator`, whose first use took 40 ms on a slow phone.
#![warn(missing_docs)]

/// The base letter of each character from U+00C0 to U+017F (Latin-1 letters
/// and Latin Extended-A), lowercase; `*` where the character is no letter
/// (× and ÷), which then stays itself.
const LATIN: &[u8; 0x180 - 0xC0] = b"aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// A key that sorts names in that order.
pub fn sort_key(name: &str) -> String {
    name.chars().map(base_letter).collect()
}

fn base_letter(c: char) -> char {
    match (c as usize).checked_sub(0xC0).and_then(|i| LATIN.get(i)) {
        Some(&b) if b != b'*' => b as char,
        _ => c.to_ascii_lowercase(),
    }
}

/// Sorts `(value, name)` pairs by name in that order; equal keys keep their
/// order. (An insertion sort: the lists are a few dozen names, and it adds
/// less to the download than the standard library's sort.)
pub fn sort_by_name<T>(items: &mut [(T, String)]) {
    let mut keys: Vec<String> = items.iter().map(|(_, name)| sort_key(name)).collect();
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            keys.swap(j - 1, j);
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_latin_letter_has_its_base() {
        assert_eq!(sort_key("ÀÉÎÕÜ çñß Ææ Øø"), "aeiou cns aa oo");
        assert_eq!(sort_key("ĀČĎĚĞĦĪĲĴĶŁŇŐŘŠŤŮŴŶŽſ"), "acdeghiijklnorstuwyzs");
        assert_eq!(sort_key("×÷ IJsland Ωμέγα"), "×÷ ijsland Ωμέγα");
    }

    #[test]
    fn names_sort_as_a_reader_expects() {
        let mut names: Vec<((), String)> = ["Zweden", "Österreich", "Italië", "IJsland", "België", "Ierland", "Oostenrijk", "Bulgarije", "Polen", "Łotwa"]
            .iter()
            .map(|n| ((), n.to_string()))
            .collect();
        sort_by_name(&mut names);
        let order: Vec<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(order, ["België", "Bulgarije", "Ierland", "IJsland", "Italië", "Łotwa", "Oostenrijk", "Österreich", "Polen", "Zweden"]);
    }
}
