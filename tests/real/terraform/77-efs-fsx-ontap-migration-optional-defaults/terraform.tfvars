# The migration period, with the copy turned on; every other setting keeps
# its default (direction "ontap", every 4 hours, ONLY_FILES_TRANSFERRED).
shared_storage = {
  ontap = {
    move_from_efs = {
      enabled = true
      copy = {
        enabled = true
      }
    }
  }
}
