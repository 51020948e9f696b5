#!/usr/bin/python3
# Builds the account, container and object rings of a one-node, one-device Swift dev cluster in
# ONE Python process (swift-ring-builder would cost ~0.85 s of start-up per call, nine calls).
# Usage: build-rings.py STATE_DIR ACCOUNT_PORT CONTAINER_PORT OBJECT_PORT
import os
import sys

from swift.common.ring import RingBuilder


def main():
    state, ports = sys.argv[1], {'account': int(sys.argv[2]), 'container': int(sys.argv[3]), 'object': int(sys.argv[4])}
    swift_dir = os.path.join(state, 'etc')
    for kind, port in ports.items():
        # 2^8 partitions, 1 replica, 1 hour min_part_hours (irrelevant with one device).
        builder = RingBuilder(8, 1, 1)
        builder.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': port,
                         'device': 'd0', 'weight': 100.0, 'meta': ''})
        builder.rebalance()
        builder.save(os.path.join(swift_dir, '%s.builder' % kind))
        builder.get_ring().save(os.path.join(swift_dir, '%s.ring.gz' % kind))


if __name__ == '__main__':
    main()
