variable "datasync_tasks" {
  type    = any
  default = []
}

resource "aws_datasync_task" "listed" {
  for_each = {
    for position, item in var.datasync_tasks :
    position => item
  }

  source_location_arn      = each.value.source_location_arn
  destination_location_arn = each.value.destination_location_arn
  name                     = try(each.value.name, null)

  includes {
    filter_type = try(each.value.includes.filter_type, null)
    value       = try(each.value.includes.value, null)
  }

  excludes {
    filter_type = try(each.value.excludes.filter_type, null)
    value       = try(each.value.excludes.value, null)
  }

  options {
    gid               = try(each.value.options.gid, null)
    posix_permissions = try(each.value.options.posix_permissions, null)
    uid               = try(each.value.options.uid, null)
    verify_mode       = try(each.value.options.verify_mode, null)
  }

  dynamic "schedule" {
    for_each = each.value.schedule_expression != null ? toset([each.value.schedule_expression]) : toset([])
    content {
      schedule_expression = each.value.schedule_expression
    }
  }
}
