"""Second round of convert speed-ups: each fast path gives exactly the old answer."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools import sidecars

ROOT = Path(__file__).resolve().parent.parent

YAML_SAMPLES = [
    "symbol: A/70/357\ndate: '2015-09-02'\nagenda: [a, b]\n",
    "- find: x\n  replace: y\n  note: |\n    two\n    lines\n",
    "",
    "# only a comment\n",
    "a: 2015-09-02\nb: 1e3\nc: yes\nd: ~\ne: 0x1f\nf: 'é ’'\n",
    "key: [unclosed\n",
    "a: b: c\n",
    "- a\nb: c\n",
    "\t- tab\n",
]


def _yaml_texts():
    files = sorted(ROOT.glob("source_texts/*.yml"))
    return [p.read_text(encoding="utf-8") for p in files] + YAML_SAMPLES


def _lines(node):
    """Every node's kind, tag, value (scalars) and start line: what sidecars reads from the tree."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.start_mark.line)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, node.start_mark.line, [_lines(n) for n in node.value])
    return (node.tag, node.start_mark.line, [(_lines(k), _lines(v)) for k, v in node.value])


def _old_load(text):
    return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("text", _yaml_texts())
def test_one_pass_libyaml_load_equals_two_pure_python_passes(text, tmp_path):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    try:
        old_data, old_node = _old_load(text)
    except yaml.YAMLError:
        with pytest.raises(sidecars.SidecarError) as fast_err:
            sidecars._load(path)
        with pytest.raises(yaml.YAMLError) as old_err:
            _old_load(text)
        mark = getattr(old_err.value, "problem_mark", None)
        assert fast_err.value.line == (mark.line + 1 if mark else None)
        return
    data, node = sidecars._load(path)
    assert repr(data) == repr(old_data)
    assert _lines(node) == _lines(old_node)
