package org.pourparler.server.rooms;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pourparler.server.ServerConfig;
import org.pourparler.server.TestDatabases;
import org.pourparler.server.TestServer;

/**
 * Two servers on one PostgreSQL database (issue 10, part 8) pass the protocol test with the seats on
 * different servers: each seat's requests go to its own server, and every protocol ends as the simulation.
 */
class TwoServerRoomsTest {

    @Test
    void everyProtocolEndsAsTheSimulationWithTheSeatsOnDifferentServers() throws Exception {
        String db = TestDatabases.fresh("postgresql");
        RoomEndpoints roomsA = new RoomEndpoints(Path.of("../examples"), Optional.empty());
        RoomEndpoints roomsB = new RoomEndpoints(Path.of("../examples"), Optional.empty());
        try (TestServer a = TestServer.start(ServerConfig.defaults().withPort(0).withDatabase(db), List.of(roomsA));
             TestServer b = TestServer.start(ServerConfig.defaults().withPort(0).withDatabase(db), List.of(roomsB))) {
            RoomApiTest.playEveryProtocol(a, a.signIn(), a, b);
        } finally {
            roomsA.close();
            roomsB.close();
        }
    }
}
