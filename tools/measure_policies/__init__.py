"""The modules of tools/measure-policies."""
