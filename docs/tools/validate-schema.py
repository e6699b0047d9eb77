#!/usr/bin/env python3
"""Validate SalesDojo YAML files against a JSON Schema in docs/schema with a real validator.

usage: validate-schema.py SCHEMA.json FILE.yaml...

Each YAML file is converted to JSON with PyYAML (YAML 1.2 booleans: only true/false, so a key such as `on:`
stays a string, as dojo reads it) and checked with `python3 -m jsonschema` (the `jsonschema` package, draft
2020-12). Prints one line per problem (`FILE: $.json.path: message`) and exits 1 when any file fails, 0 when
all pass, 3 when PyYAML or jsonschema is missing (run `make deps`).
"""
import json, os, re, subprocess, sys, tempfile

def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import yaml
        import jsonschema  # noqa: F401  (the CLI below needs it)
    except ImportError as error:
        print(f"validate-schema.py: {error.name} is not installed; run `make deps` (pip install pyyaml jsonschema)",
              file=sys.stderr)
        return 3

    class Loader(yaml.SafeLoader):
        pass
    Loader.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))

    schema, files = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory() as folder:
        arguments, originals = [], {}
        for index, path in enumerate(files):
            converted = os.path.join(folder, f"{index}.json")
            try:
                with open(path, encoding="utf-8-sig") as source:
                    document = yaml.load(source, Loader=Loader)
            except (OSError, yaml.YAMLError) as error:
                print(f"{path}: cannot read as YAML: {error}")
                return 1
            with open(converted, "w", encoding="utf-8") as out:
                json.dump(document, out, ensure_ascii=False, default=str)
            arguments += ["-i", converted]
            originals[converted] = path
        result = subprocess.run(
            [sys.executable, "-W", "ignore", "-m", "jsonschema",
             "--error-format", "{file_name}: {error.json_path}: {error.message:.300}\n"] + arguments + [schema],
            capture_output=True, text=True)
        output = result.stdout + result.stderr
        for converted, path in originals.items():
            output = output.replace(converted, path)
        sys.stdout.write(output)
        if result.returncode == 0:
            print(f"{len(files)} file(s) valid against {schema}")
        return 1 if result.returncode else 0

if __name__ == "__main__":
    sys.exit(main())
