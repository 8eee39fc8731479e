"""The untrusted side of the sandbox: code that runs in the processes beside student code (stdlib only)."""
