"""The Python side of the marshalling benchmark: the same document, the same work.

usage: marshal_work.py FILE ROUNDS OPS   one op = loads(file bytes) then dumps(result)
prints one JSON document: {"seconds_per_op": [per round...], "cpu_seconds_per_op": [per round...],
"identical": bool}
"""
import json
import sys
import time

from xml_marshaller import xml_marshaller


def main():
    path, rounds, ops = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, 'rb') as f:
        data = f.read()
    identical = xml_marshaller.dumps(xml_marshaller.loads(data)) == data
    for _ in range(max(1, ops // 4)):  # warm-up
        xml_marshaller.dumps(xml_marshaller.loads(data))
    per_op = []
    cpu_per_op = []
    for _ in range(rounds):
        start = time.perf_counter()
        cpu_start = time.process_time()
        for _ in range(ops):
            xml_marshaller.dumps(xml_marshaller.loads(data))
        per_op.append((time.perf_counter() - start) / ops)
        cpu_per_op.append((time.process_time() - cpu_start) / ops)
    print(json.dumps({'seconds_per_op': per_op, 'cpu_seconds_per_op': cpu_per_op, 'identical': identical}))


if __name__ == '__main__':
    main()
