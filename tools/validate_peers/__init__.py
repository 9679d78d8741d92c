"""The modules of tools/validate-peers."""
