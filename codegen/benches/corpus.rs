//! Benchmarks generation over the whole model corpus of `corpus/` (about 13 MB of JSON), and
//! sagemaker, the largest model, alone: `cargo bench -p codegen --bench corpus`.
//! Generation only: no files are written and nothing is compiled.

use codegen::{generate, Options};

/// The allocator `cargo xtask` uses, so the figures are those of the real command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Every model of the corpus: file name and text.
fn corpus() -> Vec<(String, String)> {
    let dir = codegen::checkout::corpus();
    let mut models: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    models.sort();
    models
}

fn options(model_name: &str) -> Options {
    Options {
        model_name: model_name.to_owned(),
        crate_name: "corpus-types".to_owned(),
        operations: Vec::new(),
        standalone: true,
        regenerate_command: "cargo xtask corpus".to_owned(),
        example_operation: None,
        aws_sdk_interop: false,
    }
}

/// All 24 models, one after another, on one core.
#[divan::bench(sample_count = 5)]
fn whole_corpus(bencher: divan::Bencher) {
    let models = corpus();
    bencher.bench(|| {
        for (name, text) in &models {
            generate(divan::black_box(text), &options(name)).unwrap();
        }
    });
}

/// sagemaker: 3.3 MB and 2,870 shapes.
#[divan::bench(sample_count = 5)]
fn sagemaker(bencher: divan::Bencher) {
    let (name, text) = corpus()
        .into_iter()
        .find(|(name, _)| name.starts_with("sagemaker"))
        .expect("sagemaker is in the corpus");
    bencher.bench(|| generate(divan::black_box(&text), &options(&name)).unwrap());
}
