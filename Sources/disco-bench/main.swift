print("disco-bench: not written yet")
