//! Tests of the HTML to Markdown conversion: one rule each, malformed and pathological
//! input, snapshots of real AWS documentation and every model's documentation.

use super::html_to_markdown;

/// Links names that look like generated items, as the generator would.
fn shape_link(name: &str) -> Option<String> {
    let is_shape = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric());
    is_shape.then(|| format!("crate::{name}"))
}

fn convert(html: &str) -> String {
    let markdown = html_to_markdown(html, &shape_link);
    if let Err(problem) = check_invariants(&markdown) {
        panic!("{problem}\n--- html\n{html}\n--- markdown\n{markdown}");
    }
    markdown
}

// Plain rules.

#[test]
fn empty_input_gives_empty_output() {
    assert_eq!(convert(""), "");
    assert_eq!(convert("  \n\t "), "");
    assert_eq!(convert("<p></p>"), "");
    assert_eq!(convert("<p> </p><ul><li></li></ul><note> </note>"), "");
}

#[test]
fn paragraphs_are_separated_by_one_blank_line() {
    assert_eq!(convert("<p>One.</p><p>Two.</p>"), "One.\n\nTwo.");
    assert_eq!(
        convert("<p>One.</p>\n\n\n   <p></p>  <p>Two.</p>"),
        "One.\n\nTwo."
    );
}

#[test]
fn text_outside_paragraphs_becomes_paragraphs() {
    assert_eq!(convert("Plain text."), "Plain text.");
    assert_eq!(
        convert("Before. <p>Inside.</p> After <b>bold</b>."),
        "Before.\n\nInside.\n\nAfter **bold**."
    );
}

#[test]
fn source_indentation_is_collapsed() {
    let html = "<p>\n            Indented\n      text\twith   gaps.\n         </p>";
    assert_eq!(convert(html), "Indented text with gaps.");
    assert_eq!(convert("        Deep text."), "Deep text.");
}

#[test]
fn code_becomes_backticks() {
    assert_eq!(convert("Use <code>ListJobs</code>."), "Use `ListJobs`.");
    assert_eq!(convert("<code> a  b </code>x"), "`a b` x");
    assert_eq!(convert("<code></code>"), "");
}

#[test]
fn code_with_backticks_gets_a_longer_fence() {
    assert_eq!(convert("<code>a`b</code>"), "``a`b``");
    assert_eq!(convert("<code>`quoted`</code>"), "`` `quoted` ``");
    assert_eq!(convert("<code>a``b`c</code>"), "```a``b`c```");
}

#[test]
fn code_content_is_not_escaped() {
    assert_eq!(
        convert("<code>arn:*:[a_b]\\&lt;x&gt;</code>"),
        "`arn:*:[a_b]\\<x>`"
    );
}

#[test]
fn adjacent_code_elements_merge() {
    assert_eq!(convert("<code>a</code><code>b</code>"), "`ab`");
    assert_eq!(convert("<code>a</code> <code>b</code>"), "`a` `b`");
}

#[test]
fn links_with_href() {
    assert_eq!(
        convert(r#"See <a href="https://example.com/x">the guide</a>."#),
        "See [the guide](https://example.com/x)."
    );
    assert_eq!(
        convert(r#"<a href="https://e.com/a b(c)">x</a>"#),
        "[x](https://e.com/a%20b%28c%29)"
    );
    assert_eq!(
        convert(r#"<a href="https://e.com"> <i>spaced</i> </a>!"#),
        "[*spaced*](https://e.com) !"
    );
}

#[test]
fn link_whose_text_is_its_url_becomes_an_autolink() {
    assert_eq!(
        convert(r#"<a href="https://e.com/x">https://e.com/x</a>"#),
        "<https://e.com/x>"
    );
    assert_eq!(
        convert(r#"<a href="https://e.com/x"></a>"#),
        "<https://e.com/x>"
    );
}

#[test]
fn relative_links() {
    assert_eq!(
        convert(r#"<a href="/cli/latest/index.html">CLI</a>"#),
        "[CLI](https://docs.aws.amazon.com/cli/latest/index.html)"
    );
    assert_eq!(
        convert(r#"<a href="other.html">Other</a> page"#),
        "Other page"
    );
    assert_eq!(convert(r##"<a href="#anchor">here</a>"##), "here");
}

#[test]
fn links_to_shapes() {
    assert_eq!(
        convert("Call <a>CreateDataset</a> first."),
        "Call [`CreateDataset`][] first.\n\n[`CreateDataset`]: crate::CreateDataset"
    );
    assert_eq!(
        convert("<ul><li><a>A</a>: one, <a>B</a>(two)</li></ul><note><a>A</a></note>"),
        "- [`A`][]: one, [`B`][](two)\n\n> **Note:** [`A`][]\n\n[`A`]: crate::A\n[`B`]: crate::B"
    );
    assert_eq!(
        convert("See <a>howitworks-forecast</a>."),
        "See `howitworks-forecast`."
    );
    assert_eq!(convert("<a> </a>x"), "x");
    let none = |_: &str| None;
    assert_eq!(html_to_markdown("<a>Dataset</a>", &none), "`Dataset`");
}

#[test]
fn bulleted_and_numbered_lists() {
    assert_eq!(convert("<ul><li>one</li><li>two</li></ul>"), "- one\n- two");
    assert_eq!(
        convert("<ol><li>one</li><li>two</li></ol>"),
        "1. one\n2. two"
    );
}

#[test]
fn paragraph_in_item_is_tight() {
    let html = "<ul>\n  <li>\n    <p>\n      one\n    </p>\n  </li>\n  <li><p>two</p></li>\n</ul>";
    assert_eq!(convert(html), "- one\n- two");
}

#[test]
fn nested_lists_are_indented_to_the_content_column() {
    let html = "<ul><li><p>a</p><ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>";
    assert_eq!(convert(html), "- a\n  - b\n    1. c\n- d");
    let html = "<ol><li>a<ul><li>b</li></ul></li></ol>";
    assert_eq!(convert(html), "1. a\n   - b");
}

#[test]
fn second_paragraph_in_item_is_indented() {
    let html = "<ul><li><p>a</p><p>more a</p></li><li><p>b</p></li></ul>";
    assert_eq!(convert(html), "- a\n\n  more a\n\n- b");
}

#[test]
fn list_directly_inside_list_joins_previous_item() {
    let html = "<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>";
    assert_eq!(convert(html), "- a\n  - b\n- c");
}

#[test]
fn unclosed_items_close_at_the_next_item() {
    assert_eq!(convert("<ul><li>a<li>b</ul>after"), "- a\n- b\n\nafter");
}

#[test]
fn adjacent_lists_do_not_merge() {
    let html = "<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>";
    assert_eq!(convert(html), "- a\n\n* b\n\n1. c\n\n1) d");
}

#[test]
fn bold_and_italic() {
    assert_eq!(
        convert("<b>b</b> <strong>s</strong> <i>i</i> <em>e</em>"),
        "**b** **s** *i* *e*"
    );
    assert_eq!(convert("<b><i>both</i></b>"), "***both***");
    assert_eq!(convert("<b>outer <b>inner</b></b>"), "**outer inner**");
    assert_eq!(convert("<b>a</b><b>b</b>"), "**ab**");
}

#[test]
fn emphasis_whitespace_moves_outside() {
    assert_eq!(convert("a<b> x </b>b"), "a **x** b");
    assert_eq!(convert("a <i>\n  x\n</i> b"), "a *x* b");
}

#[test]
fn empty_emphasis_is_dropped() {
    assert_eq!(convert("a<b></b>b <i> </i>c"), "ab c");
}

#[test]
fn notes_become_block_quotes() {
    assert_eq!(
        convert("<note><p>Careful.</p><p>Really.</p></note>"),
        "> **Note:** Careful.\n>\n> Really."
    );
    assert_eq!(
        convert("<important>Read this.</important>"),
        "> **Important:** Read this."
    );
    assert_eq!(
        convert("<p>Intro.</p><note><ul><li>a</li></ul></note>"),
        "Intro.\n\n> **Note:**\n>\n> - a"
    );
}

#[test]
fn leading_note_moves_after_the_summary() {
    assert_eq!(
        convert("<note><p>Careful.</p></note><p>Summary.</p><p>More.</p>"),
        "Summary.\n\n> **Note:** Careful.\n\nMore."
    );
    assert_eq!(
        convert("<note>Only a note.</note>"),
        "> **Note:** Only a note."
    );
}

#[test]
fn definition_lists() {
    let html = "<dl><dt>Auto</dt><dd><p>Chooses.</p><p>More.</p></dd><dt>Linear:</dt><dd>Straight.</dd><dt>Bare</dt></dl>";
    assert_eq!(
        convert(html),
        "- **Auto**: Chooses.\n\n  More.\n\n- **Linear**: Straight.\n\n- **Bare**"
    );
    assert_eq!(
        convert("<dl><dt>T</dt><dd><ul><li>x</li></ul></dd></dl>"),
        "- **T**:\n  - x"
    );
}

#[test]
fn pre_becomes_a_fenced_text_block() {
    let html = "<p>Example:</p><pre>\n{\n  \"a\": &lt;b&gt; &amp; [1]\n}\n</pre>";
    assert_eq!(
        convert(html),
        "Example:\n\n```text\n{\n  \"a\": <b> & [1]\n}\n```"
    );
    assert_eq!(convert("<pre>x\n```\ny</pre>"), "````text\nx\n```\ny\n````");
    assert_eq!(
        convert("<ul><li>Run:<pre>a\n  b</pre></li></ul>"),
        "- Run:\n\n  ```text\n  a\n    b\n  ```"
    );
    assert_eq!(
        convert("<pre><code>x <ID> y</code></pre>"),
        "```text\nx <ID> y\n```"
    );
}

#[test]
fn paragraphs_of_one_code_span_each_become_a_code_block() {
    let html = "<p>Example:</p><p><code>{</code></p><p>\n<code>\"a\": `x`</code></p><p><code>}</code></p><p>Then:</p><p><code>alone</code></p>";
    assert_eq!(
        convert(html),
        "Example:\n\n```text\n{\n\"a\": `x`\n}\n```\n\nThen:\n\n`alone`"
    );
    assert_eq!(
        convert("<p><code>a</code> <code>b</code></p><p><code>c</code></p>"),
        "`a` `b`\n\n`c`"
    );
}

#[test]
fn br_is_a_backslash_hard_break() {
    assert_eq!(convert("one<br>two<br/>three"), "one\\\ntwo\\\nthree");
    assert_eq!(convert("<br>one<br>"), "one");
    assert_eq!(convert("one<br><br>two"), "one\n\ntwo");
    assert_eq!(convert("<ul><li>a<br>b</li></ul>"), "- a\\\n  b");
}

#[test]
fn fullname_is_dropped() {
    assert_eq!(
        convert("<fullname>Amazon Forecast Service</fullname><p>Provides APIs.</p>"),
        "Provides APIs."
    );
}

#[test]
fn unknown_html_tags_keep_their_text() {
    assert_eq!(
        convert("<div><span>a</span> <u>b</u></div><div>c</div>"),
        "a b\n\nc"
    );
    assert_eq!(convert("x<sup>2</sup>"), "x2");
}

#[test]
fn entities_are_decoded() {
    assert_eq!(
        convert("&quot;a&quot; &amp; &#39;b&#39; &#x41; 1 &lt; 2"),
        "\"a\" & 'b' A 1 < 2"
    );
}

#[test]
fn placeholders_stay_visible() {
    assert_eq!(
        convert("<p><ForecastExportJobName>_<ExportTimestamp></p>"),
        "\\<ForecastExportJobName\\>\\_\\<ExportTimestamp\\>"
    );
    assert_eq!(
        convert("s3://<bucket>/<DatasetGroupName>/ in <region>"),
        "s3://\\<bucket\\>/\\<DatasetGroupName\\>/ in \\<region\\>"
    );
    assert_eq!(
        convert("arn:aws:iam::<account-id>:role"),
        "arn:aws:iam::\\<account-id\\>:role"
    );
    assert_eq!(
        convert("<code>arn:aws:s3:<Region>:<account-id>:x</code>"),
        "`arn:aws:s3:<Region>:<account-id>:x`"
    );
}

#[test]
fn mixed_case_tag_names_are_placeholders() {
    assert_eq!(convert("The <Code> tag"), "The \\<Code\\> tag");
    assert_eq!(convert("<CODE>x</CODE>"), "`x`");
}

#[test]
fn placeholder_with_attributes_and_end_tags_stays_text() {
    assert_eq!(
        convert(r#"<row a="1"></row> and </Tag>"#),
        "\\<row a=\"1\"\\>\\</row\\> and \\</Tag\\>"
    );
}

#[test]
fn block_tags_inside_code_are_text() {
    assert_eq!(
        convert("<p><code>\"<h1>Head</h1><p>Body</p>\"</code> ok</p>"),
        "`\"<h1>Head</h1><p>Body</p>\"` ok"
    );
}

#[test]
fn unclosed_code_does_not_swallow_the_document() {
    assert_eq!(convert("<p><code>x</p><p>y</p>"), "`x`\n\ny");
}

#[test]
fn square_brackets_are_escaped() {
    assert_eq!(
        convert("Use [a-z] or [x](y)."),
        "Use \\[a-z\\] or \\[x\\](y)."
    );
}

#[test]
fn bare_urls_are_wrapped() {
    assert_eq!(
        convert("See https://example.com/a_b."),
        "See <https://example.com/a_b>."
    );
    assert_eq!(
        convert("(http://example.com/x(1))."),
        "(<http://example.com/x(1)>)."
    );
    assert_eq!(
        convert("Form https://{api}.example.com/{stage}, then"),
        "Form https://{api}.example.com/{stage}, then"
    );
    assert_eq!(convert("see:https://e.com"), "see:<https://e.com>");
}

#[test]
fn markdown_characters_in_text_are_escaped() {
    assert_eq!(convert("a*b \\ `c`"), "a\\*b \\\\ \\`c\\`");
    assert_eq!(
        convert("snake_case _lead trail_"),
        "snake_case \\_lead trail\\_"
    );
    assert_eq!(convert("~x~ &amp;amp; AT&amp;T"), "\\~x\\~ \\&amp; AT&T");
    assert_eq!(convert("x &gt; y, x &lt; y"), "x > y, x < y");
}

#[test]
fn line_starts_that_would_be_markup_are_escaped() {
    assert_eq!(convert("# not a heading"), "\\# not a heading");
    assert_eq!(convert("1. not a list"), "1\\. not a list");
    assert_eq!(convert("2) no"), "2\\) no");
    assert_eq!(convert("- no"), "\\- no");
    assert_eq!(convert("+ no"), "\\+ no");
    assert_eq!(convert("&gt; no"), "\\> no");
    assert_eq!(convert("a<br>==="), "a\\\n\\===");
    assert_eq!(convert("2024. was a year"), "2024\\. was a year");
    assert_eq!(convert("1.5 GB"), "1.5 GB");
    assert_eq!(convert("<ul><li>- dash</li></ul>"), "- \\- dash");
}

#[test]
fn comments_and_doctype_are_ignored() {
    assert_eq!(convert("a<!-- <p>hidden</p> -->b"), "ab");
    assert_eq!(
        convert("<?xml version=\"1.0\"?>x"),
        "\\<?xml version=\"1.0\"?\\>x"
    );
}

#[test]
fn malformed_html_does_not_panic() {
    let inputs = [
        "<",
        "</",
        "<p",
        "</p",
        "<a href=",
        "<!--",
        "<p><b><i>x",
        "</b></i></p>text",
        "<ul><li><ul><li>",
        "<dl><dd>x</dt></dl>",
        "<note><note>x",
        "&",
        "&#;",
        "&#xZZ;",
        "<br></br></br>",
        "<pre>",
        "<code>",
        "<a><a>x</a></a>",
        "</ul></li>x",
        "<li>a<li>b",
        "<dt>t</dt>",
        "<dd>d</dd>",
        "<p/>x<b/>y",
        "\u{0}<p>\u{0}</p>",
        "<h1>T<p>x",
    ];
    for html in inputs {
        convert(html);
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    let html = "<b><ul><li><note>".repeat(20_000) + "x";
    assert!(convert(&html).contains('x'));
    let html = "<i>".repeat(100_000) + "y";
    assert!(convert(&html).contains('y'));
}

#[test]
fn pathological_inputs_stay_linear() {
    let inputs = [
        "<".repeat(200_000),
        "<a".repeat(100_000),
        "&".repeat(200_000),
        "&a".repeat(100_000),
        format!("http://a{}", ")".repeat(200_000)),
        format!("see http://a.com/{}", ".".repeat(200_000)),
        "<a>A</a>".repeat(20_000),
        "<ul><li>x</li></ul>".repeat(20_000),
    ];
    for html in &inputs {
        let started = std::time::Instant::now();
        convert(html);
        assert!(started.elapsed().as_secs() < 10, "slow on {}", &html[..20]);
    }
}

/// What random tag soup is made of: tags, text, and characters Markdown reads as markup.
const TAG_SOUP_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<ul>",
    "</ul>",
    "<ol>",
    "</ol>",
    "<li>",
    "</li>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<code>",
    "</code>",
    "<a>",
    "</a>",
    "<a href=\"https://e.com/a_b\">",
    "<note>",
    "</note>",
    "<important>",
    "</important>",
    "<dl>",
    "<dt>",
    "</dt>",
    "<dd>",
    "</dd>",
    "</dl>",
    "<pre>",
    "</pre>",
    "<br>",
    "<fullname>",
    "</fullname>",
    "<div>",
    "text",
    "Name",
    " ",
    "\n    ",
    "<ExportTimestamp>",
    "[x]",
    "*",
    "_",
    "`",
    "\\",
    "&lt;",
    "&amp;",
    "&",
    "<",
    ">",
    "1. ",
    "- ",
    "# ",
    "=",
    "https://e.com/x.",
    "<!--",
    "-->",
    "é",
    "(",
    ")",
    ":",
    "<a href=\"/x\">",
    "~",
];

#[test]
fn random_tag_soup_keeps_the_invariants() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = next() % 40;
        let html: String = (0..len)
            .map(|_| TAG_SOUP_PIECES[(next() % TAG_SOUP_PIECES.len() as u64) as usize])
            .collect();
        convert(&html);
    }
}

// Snapshots of real documentation from the AWS models.

#[test]
fn forecast_status() {
    // forecast-2018-06-26.json: com.amazonaws.forecast#DescribeForecastExportJobResponse$Status
    let html = r#"<p>The status of the forecast export job. States include:</p>
         <ul>
            <li>
               <p>
                  <code>ACTIVE</code>
               </p>
            </li>
            <li>
               <p>
                  <code>CREATE_PENDING</code>, <code>CREATE_IN_PROGRESS</code>,
          <code>CREATE_FAILED</code>
               </p>
            </li>
            <li>
               <p>
                  <code>CREATE_STOPPING</code>, <code>CREATE_STOPPED</code>
               </p>
            </li>
            <li>
               <p>
                  <code>DELETE_PENDING</code>, <code>DELETE_IN_PROGRESS</code>,
          <code>DELETE_FAILED</code>
               </p>
            </li>
         </ul>
         <note>
            <p>The <code>Status</code> of the forecast export job must be <code>ACTIVE</code> before
        you can access the forecast in your S3 bucket.</p>
         </note>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn forecast_last_modification_time() {
    // forecast-2018-06-26.json: com.amazonaws.forecast#DescribeForecastExportJobResponse$LastModificationTime
    let html = r#"<p>The last time the resource was modified. The timestamp depends on the status of the job:</p>
         <ul>
            <li>
               <p>
                  <code>CREATE_PENDING</code> - The <code>CreationTime</code>.</p>
            </li>
            <li>
               <p>
                  <code>CREATE_IN_PROGRESS</code> - The current timestamp.</p>
            </li>
            <li>
               <p>
                  <code>CREATE_STOPPING</code> - The current timestamp.</p>
            </li>
            <li>
               <p>
                  <code>CREATE_STOPPED</code> - When the job stopped.</p>
            </li>
            <li>
               <p>
                  <code>ACTIVE</code> or <code>CREATE_FAILED</code> - When the job finished or
          failed.</p>
            </li>
         </ul>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn forecast_create_export_job() {
    // forecast-2018-06-26.json: com.amazonaws.forecast#CreateForecastExportJob
    let html = r#"<p>Exports a forecast created by the <a>CreateForecast</a> operation to your
      Amazon Simple Storage Service (Amazon S3) bucket. The forecast file name will match the following conventions:</p>
         <p><ForecastExportJobName>_<ExportTimestamp>_<PartNumber></p>
         <p>where the <ExportTimestamp> component is in Java SimpleDateFormat
      (yyyy-MM-ddTHH-mm-ssZ).</p>
         <p>You must specify a <a>DataDestination</a> object that includes an Identity and Access Management
      (IAM) role that Amazon Forecast can assume to access the Amazon S3 bucket. For more information, see
        <a>aws-forecast-iam-roles</a>.</p>
         <p>For more information, see <a>howitworks-forecast</a>.</p>
         <p>To get a list of all your forecast export jobs, use the <a>ListForecastExportJobs</a> operation.</p>
         <note>
            <p>The <code>Status</code> of the forecast export job must be <code>ACTIVE</code> before
        you can access the forecast in your Amazon S3 bucket. To get the status, use the <a>DescribeForecastExportJob</a> operation.</p>
         </note>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn forecast_scaling_type_definition_list() {
    // forecast-2018-06-26.json: com.amazonaws.forecast#IntegerParameterRange$ScalingType
    let html = r#"<p>The scale that hyperparameter tuning uses to search the hyperparameter range.
      Valid values:</p>
         <dl>
            <dt>Auto</dt>
            <dd>
               <p>Amazon Forecast hyperparameter tuning chooses the best scale for the hyperparameter.</p>
            </dd>
            <dt>Linear</dt>
            <dd>
               <p>Hyperparameter tuning searches the values in the hyperparameter range by using a
            linear scale.</p>
            </dd>
            <dt>Logarithmic</dt>
            <dd>
               <p>Hyperparameter tuning searches the values in the hyperparameter range by using a
            logarithmic scale.</p>
               <p>Logarithmic scaling works only for ranges that have values greater than 0.</p>
            </dd>
            <dt>ReverseLogarithmic</dt>
            <dd>
               <p>Not supported for <code>IntegerParameterRange</code>.</p>
               <p>Reverse logarithmic scaling works only for ranges that are entirely within the
            range 0 <= x < 1.0.</p>
            </dd>
         </dl>
         <p>For information about choosing a hyperparameter scale, see
      <a href="http://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-define-ranges.html#scaling-type">Hyperparameter Scaling</a>.
      One of the following values:</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn sagemaker_nested_list() {
    // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#AlgorithmSpecification$EnableSageMakerMetricsTimeSeries
    let html = r#"<p>To generate and save time-series metrics during training, set to <code>true</code>.
            The default is <code>false</code> and time-series metrics aren't generated except in the
            following cases:</p>
         <ul>
            <li>
               <p>You use one of the SageMaker built-in algorithms</p>
            </li>
            <li>
               <p>You use one of the following <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/pre-built-containers-frameworks-deep-learning.html">Prebuilt SageMaker Docker Images</a>:</p>
               <ul>
                  <li>
                     <p>Tensorflow (version >= 1.15)</p>
                  </li>
                  <li>
                     <p>MXNet (version >= 1.6)</p>
                  </li>
                  <li>
                     <p>PyTorch (version >= 1.3)</p>
                  </li>
               </ul>
            </li>
            <li>
               <p>You specify at least one <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MetricDefinition.html">MetricDefinition</a>
               </p>
            </li>
         </ul>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn sagemaker_kms_placeholders_in_code() {
    // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#RecommendationJobOutputConfig$KmsKeyId
    let html = r#"<p>The Amazon Resource Name (ARN) of a Amazon Web Services Key Management Service (Amazon Web Services KMS) key 
         that Amazon SageMaker uses to encrypt your output artifacts with Amazon S3 server-side encryption. 
         The SageMaker execution role must have <code>kms:GenerateDataKey</code> permission.</p>
         <p>The <code>KmsKeyId</code> can be any of the following formats:</p>
         <ul>
            <li>
               <p>// KMS Key ID</p>
               <p>
                  <code>"1234abcd-12ab-34cd-56ef-1234567890ab"</code>
               </p>
            </li>
            <li>
               <p>// Amazon Resource Name (ARN) of a KMS Key</p>
               <p>
                  <code>"arn:aws:kms:<region>:<account>:key/<key-id-12ab-34cd-56ef-1234567890ab>"</code>
               </p>
            </li>
            <li>
               <p>// KMS Key Alias</p>
               <p>
                  <code>"alias/ExampleAlias"</code>
               </p>
            </li>
            <li>
               <p>// Amazon Resource Name (ARN) of a KMS Key Alias</p>
               <p>
                  <code>"arn:aws:kms:<region>:<account>:alias/<ExampleAlias>"</code>
               </p>
            </li>
         </ul>
         <p>For more information about key identifiers, see 
         <a href="https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-id">Key identifiers (KeyID)</a> in the 
         Amazon Web Services Key Management Service (Amazon Web Services KMS) documentation.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn sagemaker_ecr_uri_placeholders() {
    // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#CreateImageVersionRequest$BaseImage
    let html = r#"<p>The registry path of the container image to use as the starting point for this
        version. The path is an Amazon ECR URI in the following format:</p>
         <p>
            <code><acct-id>.dkr.ecr.<region>.amazonaws.com/<repo-name[:tag] or [@digest]></code>
         </p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn sagemaker_filter_definitions() {
    // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#Filter
    let html = r#"<p>A conditional statement for a search expression that includes a resource property, a
      Boolean operator, and a value. Resources that match the statement are returned in the results
      from the <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Search.html">Search</a> API.</p>
         <p>If you specify a <code>Value</code>, but not an <code>Operator</code>, SageMaker uses the
      equals operator.</p>
         <p>In search, there are several property types:</p>
         <dl>
            <dt>Metrics</dt>
            <dd>
               <p>To define a metric filter, enter a value using the form
              <code>"Metrics.<name>"</code>, where <code><name></code> is a metric name.
            For example, the following filter searches for training jobs with an
              <code>"accuracy"</code> metric greater than <code>"0.9"</code>:</p>
               <p>
                  <code>{</code>
               </p>
               <p>
                  <code>"Name": "Metrics.accuracy",</code>
               </p>
               <p>
                  <code>"Operator": "GreaterThan",</code>
               </p>
               <p>
                  <code>"Value": "0.9"</code>
               </p>
               <p>
                  <code>}</code>
               </p>
            </dd>
            <dt>HyperParameters</dt>
            <dd>
               <p>To define a hyperparameter filter, enter a value with the form
              <code>"HyperParameters.<name>"</code>. Decimal hyperparameter values are treated
            as a decimal in a comparison if the specified <code>Value</code> is also a decimal
            value. If the specified <code>Value</code> is an integer, the decimal hyperparameter
            values are treated as integers. For example, the following filter is satisfied by
            training jobs with a <code>"learning_rate"</code> hyperparameter that is less than
              <code>"0.5"</code>:</p>
               <p>
                  <code> {</code>
               </p>
               <p>
                  <code> "Name": "HyperParameters.learning_rate",</code>
               </p>
               <p>
                  <code> "Operator": "LessThan",</code>
               </p>
               <p>
                  <code> "Value": "0.5"</code>
               </p>
               <p>
                  <code> }</code>
               </p>
            </dd>
            <dt>Tags</dt>
            <dd>
               <p>To define a tag filter, enter a value with the form
            <code>Tags.<key></code>.</p>
            </dd>
         </dl>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn sagemaker_html_inside_code() {
    // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#CreateLabelingJobRequest$LabelCategoryConfigS3Uri
    let html = r#"<p>The S3 URI of the file, referred to as a <i>label category configuration
                file</i>, that defines the categories used to label the data objects.</p>
         <p>For 3D point cloud and video frame task types, you can add label category attributes
            and frame attributes to your label category configuration file. To learn how, see <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sms-point-cloud-label-category-config.html">Create a
                Labeling Category Configuration File for 3D Point Cloud Labeling Jobs</a>. </p>
         <p>For named entity recognition jobs, in addition to <code>"labels"</code>, you must
            provide worker instructions in the label category configuration file using the
                <code>"instructions"</code> parameter: <code>"instructions":
                {"shortInstruction":"<h1>Add header</h1><p>Add Instructions</p>",
                "fullInstruction":"<p>Add additional instructions.</p>"}</code>. For details
            and an example, see <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sms-named-entity-recg.html#sms-creating-ner-api">Create a
                Named Entity Recognition Labeling Job (API) </a>.</p>
         <p>For all other <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sms-task-types.html">built-in task types</a> and <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sms-custom-templates.html">custom
                tasks</a>, your label category configuration file must be a JSON file in the
            following format. Identify the labels you want to use by replacing <code>label_1</code>,
                <code>label_2</code>,<code>...</code>,<code>label_n</code> with your label
            categories.</p>
         <p>
            <code>{ </code>
         </p>
         <p>
            <code>"document-version": "2018-11-28",</code>
         </p>
         <p>
            <code>"labels": [{"label": "label_1"},{"label": "label_2"},...{"label":
                "label_n"}]</code>
         </p>
         <p>
            <code>}</code>
         </p>
         <p>Note the following about the label category configuration file:</p>
         <ul>
            <li>
               <p>For image classification and text classification (single and multi-label) you
                    must specify at least two label categories. For all other task types, the
                    minimum number of label categories required is one. </p>
            </li>
            <li>
               <p>Each label category must be unique, you cannot specify duplicate label
                    categories.</p>
            </li>
            <li>
               <p>If you create a 3D point cloud or video frame adjustment or verification
                    labeling job, you must include <code>auditLabelAttributeName</code> in the label
                    category configuration. Use this parameter to enter the <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateLabelingJob.html#sagemaker-CreateLabelingJob-request-LabelAttributeName">
                     <code>LabelAttributeName</code>
                  </a> of the labeling job you want to
                    adjust or verify annotations of.</p>
            </li>
         </ul>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn sagemaker_literal_backticks() {
    // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#RStudioServerProAppSettings$UserGroup
    let html = r#"<p>The level of permissions that the user has within the <code>RStudioServerPro</code> app.
      This value defaults to `User`. The `Admin` value allows the user access to the RStudio
      Administrative Dashboard.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn sagemaker_href_with_space() {
    // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#ClarifyTextConfig$Language
    let html = r#"<p>Specifies the language of the text features in <a href=" https://en.wikipedia.org/wiki/List_of_ISO_639-1_codes">ISO 639-1</a> or
                <a href="https://en.wikipedia.org/wiki/ISO_639-3">ISO 639-3</a> code of a
            supported language. </p>
         <note>
            <p>For a mix of multiple languages, use code <code>'xx'</code>.</p>
         </note>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn support_placeholder_in_text() {
    // support-2013-04-15.json: com.amazonaws.support#Communication$submittedBy
    let html = r#"<p>The identity of the account that submitted, or responded to, the support case.
            Customer entries include the IAM role as well as the email address (for example,
            "AdminRole (Role) <janedoe@example.com>). Entries from the Amazon Web Services Support team display
            "Amazon Web Services," and don't show an email address.
            </p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn glue_xml_in_code() {
    // glue-2017-03-31.json: com.amazonaws.glue#CreateXMLClassifierRequest$RowTag
    let html = r#"<p>The XML tag designating the element that contains each record in an XML document being
      parsed. This can't identify a self-closing element (closed by <code>/></code>). An empty
      row element that contains only attributes can be parsed as long as it ends with a closing tag
      (for example, <code><row item_a="A" item_b="B"></row></code> is okay, but
        <code><row item_a="A" item_b="B" /></code> is not).</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn s3_scan_range_xml_in_code() {
    // s3-2006-03-01.json: com.amazonaws.s3#ScanRange$Start
    let html = r#"<p>Specifies the start of the byte range. This parameter is optional. Valid values:
         non-negative integers. The default value is 0. If only <code>start</code> is supplied, it
         means scan from that point to the end of the file. For example,
            <code><scanrange><start>50</start></scanrange></code> means scan
         from byte 50 until the end of the file.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn s3_is_truncated() {
    // s3-2006-03-01.json: com.amazonaws.s3#ListObjectVersionsRequest$MaxKeys
    let html = r#"<p>Sets the maximum number of keys returned in the response. By default, the action returns
         up to 1,000 key names. The response might contain fewer keys but will never contain more.
         If additional keys satisfy the search criteria, but were not returned because
            <code>max-keys</code> was exceeded, the response contains
            <code><isTruncated>true</isTruncated></code>. To return the additional keys,
         see <code>key-marker</code> and <code>version-id-marker</code>.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn s3_note_first() {
    // s3-2006-03-01.json: com.amazonaws.s3#GetBucketLogging
    let html = r#"<note>
            <p>This operation is not supported for directory buckets.</p>
         </note>
         <p>Returns the logging status of a bucket and the permissions users have to view and modify
         that status.</p>
         <p>The following operations are related to <code>GetBucketLogging</code>:</p>
         <ul>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html">CreateBucket</a>
               </p>
            </li>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLogging.html">PutBucketLogging</a>
               </p>
            </li>
         </ul>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn s3_put_bucket_acl_nesting() {
    // s3-2006-03-01.json: com.amazonaws.s3#PutBucketAcl
    let html = r#"<note>
            <p>This operation is not supported for directory buckets.</p>
         </note>
         <p>Sets the permissions on an existing bucket using access control lists (ACL). For more
         information, see <a href="https://docs.aws.amazon.com/AmazonS3/latest/dev/S3_ACLs_UsingACLs.html">Using ACLs</a>. To set the ACL of a
         bucket, you must have the <code>WRITE_ACP</code> permission.</p>
         <p>You can use one of the following two ways to set a bucket's permissions:</p>
         <ul>
            <li>
               <p>Specify the ACL in the request body</p>
            </li>
            <li>
               <p>Specify permissions using request headers</p>
            </li>
         </ul>
         <note>
            <p>You cannot specify access permission using both the body and the request
            headers.</p>
         </note>
         <p>Depending on your application needs, you may choose to set the ACL on a bucket using
         either the request body or the headers. For example, if you have an existing application
         that updates a bucket ACL using the request body, then you can continue to use that
         approach.</p>
         <important>
            <p>If your bucket uses the bucket owner enforced setting for S3 Object Ownership, ACLs
            are disabled and no longer affect permissions. You must use policies to grant access to
            your bucket and the objects in it. Requests to set ACLs or update ACLs fail and return
            the <code>AccessControlListNotSupported</code> error code. Requests to read ACLs are
            still supported. For more information, see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html">Controlling object
               ownership</a> in the <i>Amazon S3 User Guide</i>.</p>
         </important>
         <dl>
            <dt>Permissions</dt>
            <dd>
               <p>You can set access permissions by using one of the following methods:</p>
               <ul>
                  <li>
                     <p>Specify a canned ACL with the <code>x-amz-acl</code> request header. Amazon S3
                        supports a set of predefined ACLs, known as <i>canned
                        ACLs</i>. Each canned ACL has a predefined set of grantees and
                        permissions. Specify the canned ACL name as the value of
                           <code>x-amz-acl</code>. If you use this header, you cannot use other
                        access control-specific headers in your request. For more information, see
                           <a href="https://docs.aws.amazon.com/AmazonS3/latest/dev/acl-overview.html#CannedACL">Canned
                        ACL</a>.</p>
                  </li>
                  <li>
                     <p>Specify access permissions explicitly with the
                           <code>x-amz-grant-read</code>, <code>x-amz-grant-read-acp</code>,
                           <code>x-amz-grant-write-acp</code>, and
                           <code>x-amz-grant-full-control</code> headers. When using these headers,
                        you specify explicit access permissions and grantees (Amazon Web Services accounts or Amazon S3
                        groups) who will receive the permission. If you use these ACL-specific
                        headers, you cannot use the <code>x-amz-acl</code> header to set a canned
                        ACL. These parameters map to the set of permissions that Amazon S3 supports in an
                        ACL. For more information, see <a href="https://docs.aws.amazon.com/AmazonS3/latest/dev/acl-overview.html">Access Control List (ACL)
                           Overview</a>.</p>
                     <p>You specify each grantee as a type=value pair, where the type is one of
                        the following:</p>
                     <ul>
                        <li>
                           <p>
                              <code>id</code> – if the value specified is the canonical user ID
                              of an Amazon Web Services account</p>
                        </li>
                        <li>
                           <p>
                              <code>uri</code> – if you are granting permissions to a predefined
                              group</p>
                        </li>
                        <li>
                           <p>
                              <code>emailAddress</code> – if the value specified is the email
                              address of an Amazon Web Services account</p>
                           <note>
                              <p>Using email addresses to specify a grantee is only supported in the following Amazon Web Services Regions: </p>
                              <ul>
                                 <li>
                                    <p>US East (N. Virginia)</p>
                                 </li>
                                 <li>
                                    <p>US West (N. California)</p>
                                 </li>
                                 <li>
                                    <p> US West (Oregon)</p>
                                 </li>
                                 <li>
                                    <p> Asia Pacific (Singapore)</p>
                                 </li>
                                 <li>
                                    <p>Asia Pacific (Sydney)</p>
                                 </li>
                                 <li>
                                    <p>Asia Pacific (Tokyo)</p>
                                 </li>
                                 <li>
                                    <p>Europe (Ireland)</p>
                                 </li>
                                 <li>
                                    <p>South America (São Paulo)</p>
                                 </li>
                              </ul>
                              <p>For a list of all the Amazon S3 supported Regions and endpoints, see <a href="https://docs.aws.amazon.com/general/latest/gr/rande.html#s3_region">Regions and Endpoints</a> in the Amazon Web Services General Reference.</p>
                           </note>
                        </li>
                     </ul>
                     <p>For example, the following <code>x-amz-grant-write</code> header grants
                        create, overwrite, and delete objects permission to LogDelivery group
                        predefined by Amazon S3 and two Amazon Web Services accounts identified by their email
                        addresses.</p>
                     <p>
                        <code>x-amz-grant-write:
                           uri="http://acs.amazonaws.com/groups/s3/LogDelivery", id="111122223333",
                           id="555566667777" </code>
                     </p>
                  </li>
               </ul>
               <p>You can use either a canned ACL or specify access permissions explicitly. You
                  cannot do both.</p>
            </dd>
            <dt>Grantee Values</dt>
            <dd>
               <p>You can specify the person (grantee) to whom you're assigning access rights
                  (using request elements) in the following ways:</p>
               <ul>
                  <li>
                     <p>By the person's ID:</p>
                     <p>
                        <code><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                           xsi:type="CanonicalUser"><ID><>ID<></ID><DisplayName><>GranteesEmail<></DisplayName>
                           </Grantee></code>
                     </p>
                     <p>DisplayName is optional and ignored in the request</p>
                  </li>
                  <li>
                     <p>By URI:</p>
                     <p>
                        <code><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                           xsi:type="Group"><URI><>http://acs.amazonaws.com/groups/global/AuthenticatedUsers<></URI></Grantee></code>
                     </p>
                  </li>
                  <li>
                     <p>By Email address:</p>
                     <p>
                        <code><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                           xsi:type="AmazonCustomerByEmail"><EmailAddress><>Grantees@email.com<></EmailAddress>&</Grantee></code>
                     </p>
                     <p>The grantee is resolved to the CanonicalUser and, in a response to a GET
                        Object acl request, appears as the CanonicalUser. </p>
                     <note>
                        <p>Using email addresses to specify a grantee is only supported in the following Amazon Web Services Regions: </p>
                        <ul>
                           <li>
                              <p>US East (N. Virginia)</p>
                           </li>
                           <li>
                              <p>US West (N. California)</p>
                           </li>
                           <li>
                              <p> US West (Oregon)</p>
                           </li>
                           <li>
                              <p> Asia Pacific (Singapore)</p>
                           </li>
                           <li>
                              <p>Asia Pacific (Sydney)</p>
                           </li>
                           <li>
                              <p>Asia Pacific (Tokyo)</p>
                           </li>
                           <li>
                              <p>Europe (Ireland)</p>
                           </li>
                           <li>
                              <p>South America (São Paulo)</p>
                           </li>
                        </ul>
                        <p>For a list of all the Amazon S3 supported Regions and endpoints, see <a href="https://docs.aws.amazon.com/general/latest/gr/rande.html#s3_region">Regions and Endpoints</a> in the Amazon Web Services General Reference.</p>
                     </note>
                  </li>
               </ul>
            </dd>
         </dl>
         <p>The following operations are related to <code>PutBucketAcl</code>:</p>
         <ul>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html">CreateBucket</a>
               </p>
            </li>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html">DeleteBucket</a>
               </p>
            </li>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAcl.html">GetObjectAcl</a>
               </p>
            </li>
         </ul>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn apigateway_brackets() {
    // api-gateway-2015-07-09.json: com.amazonaws.apigateway#CreateApiKeyRequest$tags
    let html = r#"<p>The key-value map of strings. The valid character set is [a-zA-Z+-=._:/]. The tag key can be up to 128 characters and must not start with <code>aws:</code>. The tag value can be up to 256 characters.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn freetier_bare_url() {
    // freetier-2023-09-07.json: com.amazonaws.freetier#AWSFreeTierService
    let html = r#"<p>You can use the Amazon Web Services Free Tier API to query programmatically your Free Tier usage data.</p>
         <p>Free Tier tracks your monthly usage data for all free tier offers that are associated with your
      Amazon Web Services account. You can use the Free Tier API to filter and show only the data that you want.</p>
         <p>Service endpoint</p>
         <p>The Free Tier API provides the following endpoint:</p>
         <ul>
            <li>
               <p>https://freetier.us-east-1.api.aws</p>
            </li>
         </ul>
         <p>For more information, see <a href="https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/billing-free-tier.html">Using the Amazon Web Services Free Tier</a> in the <i>Billing User Guide</i>.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn apigatewaymanagementapi_url_template() {
    // apigatewaymanagementapi-2018-11-29.json: com.amazonaws.apigatewaymanagementapi#ApiGatewayManagementApi
    let html = r#"<p>The Amazon API Gateway Management API allows you to directly manage runtime aspects of your deployed APIs. To use it, you must explicitly set the SDK's endpoint to point to the endpoint of your deployed API. The endpoint will be of the form https://{api-id}.execute-api.{region}.amazonaws.com/{stage}, or will be the endpoint corresponding to your API's custom domain and base path, if applicable.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn dynamodb_link_text_is_url() {
    // dynamodb-2012-08-10.json: com.amazonaws.dynamodb#Condition$AttributeValueList
    let html = r#"<p>One or more values to evaluate against the supplied attribute. The number of values in
            the list depends on the <code>ComparisonOperator</code> being used.</p>
         <p>For type Number, value comparisons are numeric.</p>
         <p>String value comparisons for greater than, equals, or less than are based on ASCII
            character code values. For example, <code>a</code> is greater than <code>A</code>, and
                <code>a</code> is greater than <code>B</code>. For a list of code values, see <a href="http://en.wikipedia.org/wiki/ASCII#ASCII_printable_characters">http://en.wikipedia.org/wiki/ASCII#ASCII_printable_characters</a>.</p>
         <p>For Binary, DynamoDB treats each byte of the binary data as unsigned when it
            compares binary values.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn kinesis_relative_href() {
    // kinesis-2013-12-02.json: com.amazonaws.kinesis#SubscribeToShardEventStream$SubscribeToShardEvent
    let html = r#"<p>After you call <a>SubscribeToShard</a>, Kinesis Data Streams sends events
            of this type to your consumer. For an example of how to handle these events, see <a href="/streams/latest/dev/building-enhanced-consumers-api.html">Enhanced Fan-Out
                Using the Kinesis Data Streams API</a>.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn qapps_entity() {
    // qapps-2023-11-27.json: com.amazonaws.qapps#FormInputCard$computeMode
    let html = r#"<p>The compute mode of the form input card. This property determines whether individual
      participants of a data collection session can submit multiple response or one response. A
      compute mode of <code>append</code> shall allow participants to submit the same form multiple
      times with different values. A compute mode of <code>replace</code>code&gt; shall overwrite the
      current value for each participant.</p>"#;
    insta::assert_snapshot!(convert(html));
}

#[test]
fn secretsmanager_mailto() {
    // secrets-manager-2017-10-17.json: com.amazonaws.secretsmanager#secretsmanager
    let html = r#"<fullname>Amazon Web Services Secrets Manager</fullname>
         <p>Amazon Web Services Secrets Manager provides a service to enable you to store, manage, and retrieve, secrets.</p>
         <p>This guide provides descriptions of the Secrets Manager API. For more information about using this
      service, see the <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/introduction.html">Amazon Web Services Secrets Manager User Guide</a>.</p>
         <p>
            <b>API Version</b>
         </p>
         <p>This version of the Secrets Manager API Reference documents the Secrets Manager API version 2017-10-17.</p>
         <p>For a list of endpoints, see <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/asm_access.html#endpoints">Amazon Web Services Secrets Manager 
      endpoints</a>.</p>
         <p>
            <b>Support and Feedback for Amazon Web Services Secrets Manager</b>
         </p>
         <p>We welcome your feedback. Send your comments to <a href="mailto:awssecretsmanager-feedback@amazon.com">awssecretsmanager-feedback@amazon.com</a>, or post your feedback and questions in the <a href="http://forums.aws.amazon.com/forum.jspa?forumID=296">Amazon Web Services Secrets Manager Discussion Forum</a>. For more
      information about the Amazon Web Services Discussion Forums, see <a href="http://forums.aws.amazon.com/help.jspa">Forums
        Help</a>.</p>
         <p>
            <b>Logging API Requests</b>
         </p>
         <p>Amazon Web Services Secrets Manager supports Amazon Web Services CloudTrail, a service that records Amazon Web Services API calls for your Amazon Web Services
      account and delivers log files to an Amazon S3 bucket. By using information that's collected
      by Amazon Web Services CloudTrail, you can determine the requests successfully made to Secrets Manager, who made the
      request, when it was made, and so on. For more about Amazon Web Services Secrets Manager and support for Amazon Web Services
      CloudTrail, see <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/monitoring.html#monitoring_cloudtrail">Logging
        Amazon Web Services Secrets Manager Events with Amazon Web Services CloudTrail</a> in the <i>Amazon Web Services Secrets Manager User Guide</i>.
      To learn more about CloudTrail, including enabling it and find your log files, see the <a href="https://docs.aws.amazon.com/awscloudtrail/latest/userguide/what_is_cloud_trail_top_level.html">Amazon Web Services CloudTrail User Guide</a>.</p>"#;
    insta::assert_snapshot!(convert(html));
}

// Every documentation string of every model.

#[test]
fn every_model_documentation_converts_cleanly() {
    let dir = crate::checkout::corpus();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut docs = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let text = std::fs::read_to_string(&path).expect("readable model");
            let model: serde_json::Value = serde_json::from_str(&text).expect("model JSON");
            collect_docs(&model, &mut docs);
        }
    }
    let started = std::time::Instant::now();
    for html in &docs {
        convert(html);
    }
    println!(
        "{} documentation strings in {:?}",
        docs.len(),
        started.elapsed()
    );
    assert!(
        docs.len() > 1000,
        "found only {} documentation strings",
        docs.len()
    );
}

fn collect_docs(value: &serde_json::Value, docs: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match value {
                    serde_json::Value::String(doc) if key == "smithy.api#documentation" => {
                        docs.push(doc.clone())
                    }
                    _ => collect_docs(value, docs),
                }
            }
        }
        serde_json::Value::Array(values) => values.iter().for_each(|v| collect_docs(v, docs)),
        _ => {}
    }
}

/// What every conversion must satisfy: no blank line at either end, no trailing
/// whitespace, and outside code: no two blank lines in a row, no indentation deeper than
/// the list item it continues (so no accidental code block), no raw HTML, no bare URL
/// and no `[` or `]` that is not part of a link.
fn check_invariants(markdown: &str) -> Result<(), String> {
    if markdown.starts_with('\n') || markdown.ends_with('\n') {
        return Err("blank line at an end".to_owned());
    }
    let mut fence: Option<String> = None;
    let mut column = 0;
    let mut previous_blank = false;
    for line in markdown.lines() {
        if line.is_empty() && previous_blank && fence.is_none() {
            return Err("two blank lines in a row".to_owned());
        }
        previous_blank = line.is_empty();
        if line.ends_with([' ', '\t']) {
            return Err(format!("trailing whitespace: {line:?}"));
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = strip_containers(&line[indent..]);
        if let Some(open) = &fence {
            if content == open {
                fence = None;
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if indent > column {
            return Err(format!("indented past its list item: {line:?}"));
        }
        column = line.len() - content.len();
        let ticks: String = content.chars().take_while(|&c| c == '`').collect();
        if ticks.len() >= 3 && !content[ticks.len()..].contains('`') {
            fence = Some(ticks);
            continue;
        }
        check_inline(line).map_err(|problem| format!("{problem} in {line:?}"))?;
    }
    match fence {
        Some(_) => Err("unclosed fence".to_owned()),
        None => Ok(()),
    }
}

/// The line without the quote markers and list markers that start it.
fn strip_containers(mut content: &str) -> &str {
    loop {
        let width = marker_width(content);
        let rest = content[width..].trim_start_matches(['>', ' ']);
        if rest.len() == content.len() {
            return content;
        }
        content = rest;
    }
}

fn marker_width(content: &str) -> usize {
    if content.starts_with("- ") || content.starts_with("* ") {
        return 2;
    }
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    let after = &content[digits..];
    if digits > 0 && (after.starts_with(". ") || after.starts_with(") ")) {
        digits + 2
    } else {
        0
    }
}

fn check_inline(line: &str) -> Result<(), String> {
    if let Some((label, _)) = line.split_once("]: ") {
        if line.starts_with("[`") && !label[1..].contains(['[', ']']) {
            return Ok(()); // A link reference definition.
        }
    }
    let mut open_links = 0;
    let mut at = 0;
    while let Some(c) = line[at..].chars().next() {
        let rest = &line[at..];
        at += c.len_utf8();
        match c {
            '\\' => at += rest[1..].chars().next().map_or(0, char::len_utf8),
            '`' => {
                let run = rest.len() - rest.trim_start_matches('`').len();
                let fence = &rest[..run];
                let close = rest[run..].find(fence).ok_or("unclosed code span")?;
                at += run - 1 + close + run;
            }
            '<' if rest.starts_with("<http") || rest.starts_with("<mailto:") => {
                at += rest.find('>').ok_or("unclosed autolink")?;
            }
            '<' if rest[1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c)) =>
            {
                return Err("raw HTML".to_owned());
            }
            'h' if open_links == 0 && is_bare_url(rest) => return Err("bare URL".to_owned()),
            '[' => open_links += 1,
            ']' if open_links > 0 && rest[1..].starts_with('(') => {
                open_links -= 1;
                at += rest.find(')').ok_or("unclosed link destination")?;
            }
            ']' if open_links > 0 && rest[1..].starts_with("[]") => {
                open_links -= 1;
                at += 2;
            }
            ']' => return Err("unescaped ]".to_owned()),
            _ => {}
        }
    }
    match open_links {
        0 => Ok(()),
        _ => Err("unescaped [".to_owned()),
    }
}

fn is_bare_url(rest: &str) -> bool {
    ["http://", "https://"].iter().any(|scheme| {
        rest.strip_prefix(scheme)
            .is_some_and(|host| host.starts_with(|c: char| c.is_ascii_alphanumeric()))
    })
}
